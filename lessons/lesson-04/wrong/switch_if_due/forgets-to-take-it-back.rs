// WRONG [result]: it gives the GIL up at the interval and never takes it back, so the thread runs bytecode without it. => "without holding the GIL"
//! Exercise 4.2, the reference answer.

use crate::PyThread;

/// Exercise 4.2: the holder looks at the clock (CPython's waiters ask instead; the effect is the
/// same: nobody holds the GIL much longer than an interval while others wait).
pub fn switch_if_due(thread: &mut PyThread) {
    if thread.held_for() >= thread.switch_interval() && thread.others_waiting() > 0 {
        // Deliberately wrong: released, and not taken back.
        thread.release_gil();
    }
}
