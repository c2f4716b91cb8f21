// WRONG [sequential]: one spawned thread adds up every chunk, one after another. => "each chunk gets its own thread"
//! Exercise 2.1, the reference answer.

use std::thread;

use instruments::Recorder;

use crate::sum_chunk;

/// Exercise 2.1: one scoped thread per chunk; the chunk totals added up.
pub fn parallel_sum(numbers: &[u64], workers: usize, recorder: &Recorder) -> u64 {
    // At most `workers` chunks. `max(1)`: an empty slice gives a size of 0, and `chunks(0)`
    // panics; zero workers is treated as one.
    let size = numbers.len().div_ceil(workers.max(1)).max(1);
    thread::scope(|scope| {
        // Deliberately wrong: one thread, looping over every chunk.
        scope
            .spawn(move || {
                numbers
                    .chunks(size)
                    .enumerate()
                    .map(|(chunk_number, chunk)| sum_chunk(recorder, chunk_number, chunk))
                    .sum()
            })
            .join()
            .expect("the summing thread panicked")
    })
}
