//! Lesson 04 reference answers (built with `--features solutions`).

use std::time::Duration;

use rayon::prelude::*;

use crate::{PyThread, compute_native};

/// Exercise 4.1: the GIL is free while the thread waits, so other threads run bytecode.
pub fn io_wait(thread: &mut PyThread, duration: Duration) {
    thread.release_gil();
    // No bytecode runs here, so no GIL is needed: only the OS thread waits.
    std::thread::sleep(duration);
    // Back in line for the GIL: the caller runs bytecode next.
    thread.acquire_gil();
}

/// Exercise 4.2: the holder looks at the clock (CPython's waiters ask instead; the effect is the
/// same: nobody holds the GIL much longer than an interval while others wait).
pub fn switch_if_due(thread: &mut PyThread) {
    if thread.held_for() >= thread.switch_interval() && thread.others_waiting() > 0 {
        thread.release_gil();
        // A new ticket, behind every waiting thread: they all get a turn before we run again.
        thread.acquire_gil();
    }
}

/// Exercise 4.3: no bytecode runs during the jobs, so the GIL is released for all of them.
pub fn compute_all_parallel(thread: &mut PyThread, jobs: &[u64]) -> Vec<u64> {
    let recorder = thread.recorder().clone();
    thread.release_gil();
    let results = jobs
        .par_iter()
        .enumerate()
        .map(|(index, &n)| compute_native(&recorder, index, n))
        .collect();
    thread.acquire_gil();
    results
}
