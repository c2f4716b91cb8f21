// WRONG [hardcoded]: the slice is always cut in two (one chunk per core here), whatever `workers` says. => "fewer chunks than `workers` allows"
//! Exercise 2.1, the reference answer.

use std::thread;

use instruments::Recorder;

use crate::sum_chunk;

/// Exercise 2.1: one scoped thread per chunk; the chunk totals added up.
pub fn parallel_sum(numbers: &[u64], workers: usize, recorder: &Recorder) -> u64 {
    let _ = workers;
    // Deliberately wrong: two chunks, the number of cores of the machine it was written on,
    // instead of the `workers` the caller asked for.
    let size = numbers.len().div_ceil(2).max(1);
    thread::scope(|scope| {
        // Spawn them all first, so that every chunk is being added up at the same time.
        let handles: Vec<_> = numbers
            .chunks(size)
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
