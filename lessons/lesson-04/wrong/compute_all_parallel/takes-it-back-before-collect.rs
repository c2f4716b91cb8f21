// WRONG [lock-held]: the GIL is taken back before `collect`, and a rayon iterator computes nothing until collected, so the jobs run holding the GIL. => "the caller kept the GIL during the native work"
//! Exercise 4.3, the reference answer.

use rayon::prelude::*;

use crate::{PyThread, compute_native};

/// Exercise 4.3: no bytecode runs during the jobs, so the GIL is released for all of them.
pub fn compute_all_parallel(thread: &mut PyThread, jobs: &[u64]) -> Vec<u64> {
    let recorder = thread.recorder().clone();
    thread.release_gil();
    let results = jobs
        .par_iter()
        .enumerate()
        .map(|(index, &n)| compute_native(&recorder, index, n));
    // Deliberately wrong: taken back before `collect`, which is where the jobs really run.
    thread.acquire_gil();
    results.collect()
}
