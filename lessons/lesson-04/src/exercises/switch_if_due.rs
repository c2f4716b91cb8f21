//! Exercise 4.2: the switch interval, from the holder's side.

#[allow(unused_imports)] // you will need it
use crate::PyThread;

/// Exercise 4.2: the step the interpreter takes between two runs of bytecode. Once the thread
/// has held the GIL for a whole switch interval, it should give it up so that a waiting thread
/// gets a turn, then take it back (the GIL serves waiters in order, so a thread that releases
/// and asks again goes behind them).
///
/// Hint: compare `thread.held_for()` with `thread.switch_interval()`; when it is due, and
/// `thread.others_waiting()` says someone is waiting, `release_gil()` then `acquire_gil()`.
pub fn switch_if_due(thread: &mut PyThread) {
    // TODO: when the switch interval is over (and a thread waits), give the GIL up and take it
    // back.
    let _ = thread;
    todo!(
        "exercise 4.2 `switch_if_due` (lessons/lesson-04/src/exercises/switch_if_due.rs): once \
         held_for() reaches switch_interval(), release the GIL and acquire it again"
    )
}
