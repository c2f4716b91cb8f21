// WRONG [hardcoded]: the jobs run on a pool of its own with a fixed 2 threads, not in the pool it is called in. => "batches of at most 2"
//! Exercise 4.3, the reference answer.

use rayon::prelude::*;

use crate::{PyThread, compute_native};

/// Exercise 4.3: no bytecode runs during the jobs, so the GIL is released for all of them.
pub fn compute_all_parallel(thread: &mut PyThread, jobs: &[u64]) -> Vec<u64> {
    let recorder = thread.recorder().clone();
    thread.release_gil();
    // Deliberately wrong: a pool of two threads ("one per core"), whatever the caller's pool.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("the pool starts");
    let results = pool.install(|| {
        jobs.par_iter()
            .enumerate()
            .map(|(index, &n)| compute_native(&recorder, index, n))
            .collect()
    });
    thread.acquire_gil();
    results
}
