//! Lesson 04 exercises: build the GIL's three escape hatches yourself.
//!
//! Check your answers with `cargo test -p lesson-04`. The checks read the recorded timeline:
//! who held the GIL when, which waits overlapped, which threads computed. A right result from
//! code that kept the GIL the whole time still fails.
//!
//! The tools, all methods of [`PyThread`]: `release_gil()`, `acquire_gil()`, `holds_gil()`,
//! `held_for()` (how long it has held the GIL without a break), `switch_interval()`,
//! `others_waiting()` and `recorder()`.

use std::time::Duration;

#[allow(unused_imports)] // you will need these
use crate::{PyThread, compute_native};

/// Exercise 4.1: make a simulated I/O wait release the GIL, as CPython's `time.sleep` and socket
/// reads do, so that other Python threads run (and start their own waits) meanwhile.
///
/// As shipped it sleeps *holding* the GIL: four Python threads that each wait 150 ms take 600 ms,
/// one after another, and the check shows it. Hint: give the GIL up before the wait and take it
/// back after it; the caller expects to hold the GIL again when `io_wait` returns.
pub fn io_wait(thread: &mut PyThread, duration: Duration) {
    // TODO: release the GIL before sleeping, and take it back after.
    // Deliberately wrong: the thread sleeps holding the GIL, so no other Python thread can run.
    let _ = &thread;
    std::thread::sleep(duration);
}

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
        "exercise 4.2 `switch_if_due` in lessons/lesson-04/src/exercises.rs: once held_for() \
         reaches switch_interval(), release the GIL and acquire it again"
    )
}

/// Exercise 4.3: a Python thread calls into native Rust (as with a PyO3 extension) to run
/// CPU-bound jobs. Release the GIL, so other Python threads keep running, compute the jobs in
/// parallel on rayon's pool, and take the GIL back before returning the results in job order.
///
/// Hint: `thread.release_gil()`, then `jobs.par_iter().enumerate().map(...).collect()` (use
/// `rayon::prelude::*`) with `compute_native(&recorder, index, n)` for each job, so each is
/// recorded; clone `thread.recorder()` first. Then `thread.acquire_gil()`.
pub fn compute_all_parallel(thread: &mut PyThread, jobs: &[u64]) -> Vec<u64> {
    // TODO: release the GIL, compute every job on rayon's pool, take the GIL back.
    let _ = (thread, jobs);
    todo!(
        "exercise 4.3 `compute_all_parallel` in lessons/lesson-04/src/exercises.rs: release the \
         GIL, compute the jobs with rayon's par_iter, acquire the GIL again, return the results \
         in order"
    )
}
