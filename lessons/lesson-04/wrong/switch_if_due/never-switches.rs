// WRONG [lock-held]: it waits for more than one other thread, so with two threads it never switches and one runs its whole job while the other waits. => "one thread ran its whole job while the other waited"
//! Exercise 4.2, the reference answer.

use crate::PyThread;

/// Exercise 4.2: the holder looks at the clock (CPython's waiters ask instead; the effect is the
/// same: nobody holds the GIL much longer than an interval while others wait).
pub fn switch_if_due(thread: &mut PyThread) {
    // Deliberately wrong: `> 1`, so a single waiting thread never gets a turn.
    if thread.held_for() >= thread.switch_interval() && thread.others_waiting() > 1 {
        thread.release_gil();
        // A new ticket, behind every waiting thread: they all get a turn before we run again.
        thread.acquire_gil();
    }
}
