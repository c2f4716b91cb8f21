// WRONG [lock-held]: the jobs compute on rayon with the GIL still held, so no other Python thread runs meanwhile. => "the caller kept the GIL during the native work"
//! Exercise 4.3, the reference answer.

use rayon::prelude::*;

use crate::{PyThread, compute_native};

/// Exercise 4.3: no bytecode runs during the jobs, so the GIL is released for all of them.
pub fn compute_all_parallel(thread: &mut PyThread, jobs: &[u64]) -> Vec<u64> {
    let recorder = thread.recorder().clone();
    // Deliberately wrong: the GIL is kept for the whole native computation.
    jobs.par_iter()
        .enumerate()
        .map(|(index, &n)| compute_native(&recorder, index, n))
        .collect()
}
