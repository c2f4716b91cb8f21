// WRONG [busy-wait]: it gives the GIL up every interval even when no thread is waiting for it. => "with nobody waiting"
//! Exercise 4.2, the reference answer.

use crate::PyThread;

/// Exercise 4.2: the holder looks at the clock (CPython's waiters ask instead; the effect is the
/// same: nobody holds the GIL much longer than an interval while others wait).
pub fn switch_if_due(thread: &mut PyThread) {
    // Deliberately wrong: no look at `others_waiting()`.
    if thread.held_for() >= thread.switch_interval() {
        thread.release_gil();
        // A new ticket, behind every waiting thread: they all get a turn before we run again.
        thread.acquire_gil();
    }
}
