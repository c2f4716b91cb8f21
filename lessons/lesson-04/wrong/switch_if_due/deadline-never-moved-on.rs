// WRONG [busy-wait]: it keeps its own deadline and never moves it on after a switch, so after the first interval it switches at every call. => "before its switch interval"
//! Exercise 4.2, the reference answer.

use crate::PyThread;

/// Exercise 4.2: the holder looks at the clock (CPython's waiters ask instead; the effect is the
/// same: nobody holds the GIL much longer than an interval while others wait).
pub fn switch_if_due(thread: &mut PyThread) {
    thread_local! {
        static DEADLINE: std::cell::Cell<Option<std::time::Duration>> =
            const { std::cell::Cell::new(None) };
    }
    let now = thread.recorder().now();
    let deadline =
        DEADLINE.with(|deadline| *deadline.get().get_or_insert(now + thread.switch_interval()));
    // Deliberately wrong: the deadline is set once and never moved on after a switch.
    DEADLINE.with(|cell| cell.set(Some(deadline)));
    if now >= deadline && thread.others_waiting() > 0 {
        thread.release_gil();
        // A new ticket, behind every waiting thread: they all get a turn before we run again.
        thread.acquire_gil();
    }
}
