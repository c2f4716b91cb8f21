// WRONG [result]: the chunk size is rounded down and `chunks_exact` drops the numbers left over. => "were never added"
//! Exercise 2.1, the reference answer.

use std::thread;

use instruments::Recorder;

use crate::sum_chunk;

/// Exercise 2.1: one scoped thread per chunk; the chunk totals added up.
pub fn parallel_sum(numbers: &[u64], workers: usize, recorder: &Recorder) -> u64 {
    // Deliberately wrong: rounded down, and `chunks_exact` drops the remainder, so the last
    // `len % workers` numbers are never added.
    let size = (numbers.len() / workers.max(1)).max(1);
    thread::scope(|scope| {
        // Spawn them all first, so that every chunk is being added up at the same time.
        let handles: Vec<_> = numbers
            .chunks_exact(size)
            .enumerate()
            .map(|(chunk_number, chunk)| {
                scope.spawn(move || sum_chunk(recorder, chunk_number, chunk))
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a summing thread panicked"))
            .sum()
    })
}
