// WRONG [batches]: threads are started two at a time (one per core) and each pair is joined before the next starts. => "batches of at most 2"
//! Exercise 2.1, the reference answer.

use std::thread;

use instruments::Recorder;

use crate::sum_chunk;

/// Exercise 2.1: one scoped thread per chunk; the chunk totals added up.
pub fn parallel_sum(numbers: &[u64], workers: usize, recorder: &Recorder) -> u64 {
    // At most `workers` chunks. `max(1)`: an empty slice gives a size of 0, and `chunks(0)`
    // panics; zero workers is treated as one.
    let size = numbers.len().div_ceil(workers.max(1)).max(1);
    let chunks: Vec<(usize, &[u64])> = numbers.chunks(size).enumerate().collect();
    thread::scope(|scope| {
        let mut total = 0;
        // Deliberately wrong: two threads at a time ("there are only two cores"), each pair
        // joined before the next pair starts.
        for pair in chunks.chunks(2) {
            let handles: Vec<_> = pair
                .iter()
                .map(|&(chunk_number, chunk)| {
                    scope.spawn(move || sum_chunk(recorder, chunk_number, chunk))
                })
                .collect();
            for handle in handles {
                total += handle.join().expect("a summing thread panicked");
            }
        }
        total
    })
}
