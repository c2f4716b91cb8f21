//! Lesson 07: pools and data parallelism.
//!
//! The tutorials' `ThreadPoolExecutor(...).map(f, items)` and
//! `ProcessPoolExecutor().map(compute_heavy, [10_000_000, 20_000_000, 30_000_000])`, in Rust:
//! rayon's `par_iter().map().collect()` on a pool of threads started once, answers in input
//! order; `rayon::join` and work stealing on uneven jobs; and the tutorials' pitfalls about the
//! size of a pool, measured: too few workers for downloads, too many threads for CPU work.
//!
//! This file holds the code the chapter shows (between `ANCHOR` marks); `src/exercises/` holds
//! the learner's work, one file per exercise, and `src/solutions/` the reference answers.

use std::collections::HashMap;
use std::hint::black_box;
use std::thread;
use std::time::Duration;

use instruments::{Recorder, work};
use rayon::prelude::*;

pub mod verdicts;

#[cfg(not(feature = "solutions"))]
pub mod exercises;
#[cfg(feature = "solutions")]
#[path = "solutions/mod.rs"]
pub mod exercises;

/// The pools the lesson runs on (`instruments::pool`, shared with lesson 02): `workers`
/// threads named `worker-0`, `worker-1`, ..., started once, before any clock runs.
pub use instruments::pool::worker_pool;

/// The speedup curve, measured, as a table and as a picture (`instruments::curve`).
pub use instruments::curve::{CurvePoint, curve_table, speedup_curve, speedup_svg};

// ANCHOR: worker_row
/// The row a span is drawn on: the pool worker it ran on (`worker 0`, ...), or `main` when it
/// ran outside any rayon pool.
pub fn worker_row() -> String {
    rayon::current_thread_index().map_or_else(|| "main".to_owned(), |i| format!("worker {i}"))
}
// ANCHOR_END: worker_row

// ANCHOR: count_letters
/// Counts the letters of one text into `counts`, case-insensitively: every char `c` with
/// `c.is_alphabetic()` counts as each char of `c.to_lowercase()` ('Ä' as 'ä', 'Σ' as 'σ';
/// 'İ' as 'i' plus a combining dot above, both counted). Digits, punctuation and whitespace do
/// not count; letters of every script do ('ß', 'é', 'λ', 'ж').
///
/// Each call is recorded as a span labelled "count" on the calling thread: exercise 7.1's
/// check reads them to see how many texts were being counted at the same moment. (A span
/// around the counting itself, so a lock held around a call shows as texts counted in turn.)
pub fn count_letters(text: &str, counts: &mut HashMap<char, usize>, recorder: &Recorder) {
    let row = thread::current().name().unwrap_or("counting").to_owned();
    let _span = recorder.span(row, "count");
    for letter in text.chars().filter(|c| c.is_alphabetic()) {
        for lower in letter.to_lowercase() {
            *counts.entry(lower).or_insert(0) += 1;
        }
    }
}
// ANCHOR_END: count_letters

// ANCHOR: compute_heavy
/// The tutorials' job sizes: `compute_heavy(10_000_000)`, `(20_000_000)`, `(30_000_000)`.
pub const SIZES: [u64; 3] = [10_000_000, 20_000_000, 30_000_000];

/// A readable name for a job size: `compute_heavy(10M)`.
pub fn job_name(n: u64) -> String {
    match n {
        n if n >= 1_000_000 && n % 1_000_000 == 0 => format!("compute_heavy({}M)", n / 1_000_000),
        n if n >= 1_000 && n % 1_000 == 0 => format!("compute_heavy({}k)", n / 1_000),
        n => format!("compute_heavy({n})"),
    }
}

/// One job: the tutorials' `compute_heavy(n)` (`work::sum_of_squares`), recorded as a span
/// on the row of the job.
pub fn compute_heavy(n: u64, recorder: &Recorder) -> u64 {
    recorder.record(job_name(n), "compute", || work::sum_of_squares(n))
}

/// The jobs one after another, on the calling thread: the `for` loop before any pool.
pub fn compute_all_sequential(sizes: &[u64], recorder: &Recorder) -> Vec<u64> {
    sizes.iter().map(|&n| compute_heavy(n, recorder)).collect()
}

/// The jobs on the pool's workers: `ProcessPoolExecutor().map(compute_heavy, sizes)`.
///
/// `par_iter` hands the items out to the workers; `collect` puts every answer back at the
/// index of its item, so the answers come out in input order, like `Executor.map`'s, whichever
/// job finishes first. No process to start, nothing to pickle: the workers are threads that
/// read `sizes` where it is.
pub fn compute_all_parallel(
    pool: &rayon::ThreadPool,
    sizes: &[u64],
    recorder: &Recorder,
) -> Vec<u64> {
    // `install` runs the closure on the pool, so `par_iter` uses this pool's workers (and
    // not rayon's global pool, which has one worker per core).
    pool.install(|| {
        sizes
            .par_iter()
            .map(|&n| compute_heavy(n, recorder))
            .collect()
    })
}
// ANCHOR_END: compute_heavy

// ANCHOR: uneven
/// Uneven jobs: one big job first, then `count` small ones.
pub fn uneven_jobs(big: u64, small: u64, count: usize) -> Vec<u64> {
    std::iter::once(big)
        .chain(std::iter::repeat_n(small, count))
        .collect()
}

/// The terms the busiest thread of [`static_slices`] computes: the heaviest of its slices.
pub fn busiest_slice(jobs: &[u64], workers: usize) -> u64 {
    let size = jobs.len().div_ceil(workers.max(1)).max(1);
    jobs.chunks(size)
        .map(|slice| slice.iter().sum())
        .max()
        .unwrap_or(0)
}

/// The least any split can leave on the busiest worker: an equal share of all the terms, or
/// the largest job, which cannot be split, if that is more.
pub fn balanced_load(jobs: &[u64], workers: usize) -> u64 {
    let total: u64 = jobs.iter().sum();
    let largest = jobs.iter().copied().max().unwrap_or(0);
    largest.max(total.div_ceil(workers.max(1) as u64))
}

/// Runs one job on a worker's row, and returns `n`, so callers can check that every term of
/// every job was done exactly once.
fn run_on_row(row: String, n: u64, recorder: &Recorder) -> u64 {
    recorder.record(row, "compute", || black_box(work::sum_of_squares(n)));
    n
}

/// Static split: the jobs cut into `workers` fixed slices up front, one thread per slice.
/// Each thread does its own slice and nothing else, so a thread whose slice holds the big job
/// is still working long after the others have gone idle.
pub fn static_slices(jobs: &[u64], workers: usize, recorder: &Recorder) -> u64 {
    let size = jobs.len().div_ceil(workers.max(1)).max(1);
    thread::scope(|scope| {
        let handles: Vec<_> = jobs
            .chunks(size)
            .enumerate()
            .map(|(index, slice)| {
                scope.spawn(move || {
                    slice
                        .iter()
                        .map(|&n| run_on_row(format!("worker {index}"), n, recorder))
                        .sum::<u64>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a worker panicked"))
            .sum()
    })
}

/// Work stealing: divide and conquer with `rayon::join`, which is what `par_iter` does inside.
///
/// `join(a, b)` runs `a` on this worker and leaves `b` on this worker's queue, where an idle
/// worker can *steal* it. So the split is decided while the work runs: the worker with the big
/// job keeps it, and the others take the small jobs from its queue one piece at a time.
pub fn work_stealing(jobs: &[u64], recorder: &Recorder) -> u64 {
    match jobs {
        [] => 0,
        [n] => run_on_row(worker_row(), *n, recorder),
        _ => {
            let (left, right) = jobs.split_at(jobs.len() / 2);
            let (a, b) = rayon::join(
                || work_stealing(left, recorder),
                || work_stealing(right, recorder),
            );
            a + b
        }
    }
}
// ANCHOR_END: uneven

// ANCHOR: downloads
/// `count` downloads of `latency` each on `pool`, each recorded on the row of the worker that
/// ran it.
///
/// A download blocks its worker while it waits (as `requests.get` blocks a Python thread), so a
/// pool of 6 does at most 6 downloads at a time: 50 downloads take 9 rounds. `with_max_len(1)`
/// makes every download a job of its own, so a free worker always takes the next one.
pub fn download_all(
    pool: &rayon::ThreadPool,
    count: usize,
    latency: Duration,
    recorder: &Recorder,
) {
    pool.install(|| {
        (0..count)
            .into_par_iter()
            .with_max_len(1)
            .for_each(|_| recorder.record(worker_row(), "download", || work::download(latency)));
    });
}
// ANCHOR_END: downloads

// ANCHOR: too_many_threads
/// The same CPU job, `total_terms` of `sum_of_squares`, split over `threads` fresh threads.
/// Returns the number of terms done (always `total_terms`: the same work however it is split).
///
/// With more threads than cores, the extra threads do not add cores: they only add the cost of
/// starting each thread (its stack, a system call) and of the OS switching between them.
pub fn split_over_threads(total_terms: u64, threads: usize, recorder: &Recorder) -> u64 {
    let threads = threads.max(1) as u64;
    thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|index| {
                // The first `total_terms % threads` threads take one term more, so the shares
                // add up to exactly `total_terms`.
                let share = total_terms / threads + u64::from(index < total_terms % threads);
                scope.spawn(move || {
                    recorder.record(format!("thread {index}"), "compute", || {
                        black_box(work::sum_of_squares(share));
                    });
                    share
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a thread panicked"))
            .sum()
    })
}
// ANCHOR_END: too_many_threads

#[cfg(all(test, feature = "solutions"))]
mod tests {
    use super::*;

    #[test]
    fn job_names_read_well() {
        assert_eq!(job_name(10_000_000), "compute_heavy(10M)");
        assert_eq!(job_name(300_000), "compute_heavy(300k)");
        assert_eq!(job_name(7), "compute_heavy(7)");
    }
}
