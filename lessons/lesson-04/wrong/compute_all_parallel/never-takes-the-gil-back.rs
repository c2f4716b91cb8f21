// WRONG [result]: the GIL is released for the jobs and never taken back. => "returned without the GIL"
//! Exercise 4.3, the reference answer.

use rayon::prelude::*;

use crate::{PyThread, compute_native};

/// Exercise 4.3: no bytecode runs during the jobs, so the GIL is released for all of them.
pub fn compute_all_parallel(thread: &mut PyThread, jobs: &[u64]) -> Vec<u64> {
    let recorder = thread.recorder().clone();
    thread.release_gil();
    // Deliberately wrong: the GIL is not taken back before returning.
    jobs.par_iter()
        .enumerate()
        .map(|(index, &n)| compute_native(&recorder, index, n))
        .collect()
}
