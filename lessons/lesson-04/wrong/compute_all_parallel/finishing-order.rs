// WRONG [order]: each job pushes its result into a shared Vec as it finishes, so the results come out in finishing order. => "in the wrong order"
//! Exercise 4.3, the reference answer.

use rayon::prelude::*;

use crate::{PyThread, compute_native};

/// Exercise 4.3: no bytecode runs during the jobs, so the GIL is released for all of them.
pub fn compute_all_parallel(thread: &mut PyThread, jobs: &[u64]) -> Vec<u64> {
    let recorder = thread.recorder().clone();
    thread.release_gil();
    let results = std::sync::Mutex::new(Vec::new());
    // Deliberately wrong: pushed as each job finishes, so in finishing order, not job order.
    jobs.par_iter().enumerate().for_each(|(index, &n)| {
        let answer = compute_native(&recorder, index, n);
        results.lock().expect("no job panics").push(answer);
    });
    thread.acquire_gil();
    results.into_inner().expect("no job panics")
}
