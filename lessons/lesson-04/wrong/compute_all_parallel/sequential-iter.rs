// WRONG [sequential]: `iter` instead of `par_iter`, so the jobs compute one after another on the calling thread. => "on at least 2 threads"
//! Exercise 4.3, the reference answer.

use rayon::prelude::*;

use crate::{PyThread, compute_native};

/// Exercise 4.3: no bytecode runs during the jobs, so the GIL is released for all of them.
pub fn compute_all_parallel(thread: &mut PyThread, jobs: &[u64]) -> Vec<u64> {
    let recorder = thread.recorder().clone();
    thread.release_gil();
    // Deliberately wrong: `iter`, not `par_iter`: one job after another.
    let results = jobs
        .iter()
        .enumerate()
        .map(|(index, &n)| compute_native(&recorder, index, n))
        .collect();
    thread.acquire_gil();
    results
}
