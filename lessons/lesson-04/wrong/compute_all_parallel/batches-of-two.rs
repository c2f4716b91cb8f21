// WRONG [batches]: the jobs go to rayon two at a time, each pair finished before the next starts. => "batches of at most 2"
//! Exercise 4.3, the reference answer.

use rayon::prelude::*;

use crate::{PyThread, compute_native};

/// Exercise 4.3: no bytecode runs during the jobs, so the GIL is released for all of them.
pub fn compute_all_parallel(thread: &mut PyThread, jobs: &[u64]) -> Vec<u64> {
    let recorder = thread.recorder().clone();
    thread.release_gil();
    // Deliberately wrong: two jobs at a time ("two cores"), each pair done before the next.
    let results = jobs
        .chunks(2)
        .enumerate()
        .flat_map(|(pair, two)| {
            two.par_iter()
                .enumerate()
                .map(|(index, &n)| compute_native(&recorder, pair * 2 + index, n))
                .collect::<Vec<u64>>()
        })
        .collect();
    thread.acquire_gil();
    results
}
