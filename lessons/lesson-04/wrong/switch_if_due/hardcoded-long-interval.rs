// WRONG [hardcoded]: it switches every 10 ms, a number of its own, so with a 1 ms interval the waiting thread waits ten times too long. => "and did not switch"
//! Exercise 4.2, the reference answer.

use crate::PyThread;

/// Exercise 4.2: the holder looks at the clock (CPython's waiters ask instead; the effect is the
/// same: nobody holds the GIL much longer than an interval while others wait).
pub fn switch_if_due(thread: &mut PyThread) {
    // Deliberately wrong: an interval of its own, not the interpreter's.
    if thread.held_for() >= std::time::Duration::from_millis(10) && thread.others_waiting() > 0 {
        thread.release_gil();
        // A new ticket, behind every waiting thread: they all get a turn before we run again.
        thread.acquire_gil();
    }
}
