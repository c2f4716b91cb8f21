// WRONG [result]: every thread adds up the whole slice and the total is divided by the number of threads. => "added more than once"
//! Exercise 2.1, the reference answer.

use std::thread;

use instruments::Recorder;

use crate::sum_chunk;

/// Exercise 2.1: one scoped thread per chunk; the chunk totals added up.
pub fn parallel_sum(numbers: &[u64], workers: usize, recorder: &Recorder) -> u64 {
    let workers = workers.max(1);
    thread::scope(|scope| {
        // Deliberately wrong: each thread adds up the whole slice, so the work is done
        // `workers` times; dividing by `workers` hides it from the answer.
        let handles: Vec<_> = (0..workers)
            .map(|chunk_number| scope.spawn(move || sum_chunk(recorder, chunk_number, numbers)))
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a summing thread panicked"))
            .sum::<u64>()
            / workers as u64
    })
}
