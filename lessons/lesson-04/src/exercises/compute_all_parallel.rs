//! Exercise 4.3: native code that releases the GIL and computes on every core.

#[allow(unused_imports)] // you will need them
use crate::{PyThread, compute_native};

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
        "exercise 4.3 `compute_all_parallel` \
         (lessons/lesson-04/src/exercises/compute_all_parallel.rs): release the GIL, compute the \
         jobs with rayon's par_iter, acquire the GIL again, return the results in order"
    )
}
