//! Exercise 2.1: add up a slice on scoped threads, one chunk each.

use instruments::Recorder;

#[allow(unused_imports)] // you will need it
use crate::sum_chunk;

/// Exercise 2.1: add up `numbers` on `workers` scoped threads, one chunk each, and return the
/// total.
///
/// Cut `numbers` into at most `workers` chunks of nearly equal length, spawn one scoped thread
/// per chunk, and have each one add up its chunk with
/// [`sum_chunk(recorder, chunk_number, chunk)`](crate::sum_chunk), which records the chunk as a
/// span (that is how the check sees the threads work at once). Then join them all and add up
/// their answers.
///
/// It must be exact for any `workers >= 1`: also more workers than numbers, and an empty
/// slice (whose sum is 0). Every number goes into exactly one chunk, and every chunk is added
/// up by its own thread: the check counts the numbers each thread summed.
///
/// Hint: `numbers.chunks(size)` cuts a slice into pieces of `size` (the last may be shorter),
/// with `size = numbers.len().div_ceil(workers)`. But `chunks(0)` panics, and an empty slice
/// gives a size of 0. Spawn every thread first, then join: joining inside the loop that spawns
/// waits for each chunk before the next one starts.
pub fn parallel_sum(numbers: &[u64], workers: usize, recorder: &Recorder) -> u64 {
    // TODO: inside `std::thread::scope`, spawn one thread per chunk, each calling
    // `sum_chunk(recorder, chunk_number, chunk)`; collect the handles, then join them and add
    // up the results.
    let _ = (numbers, workers, recorder);
    todo!(
        "exercise 2.1 `parallel_sum` (lessons/lesson-02/src/exercises/parallel_sum.rs): \
         sum the chunks on scoped threads (one per chunk, calling sum_chunk) and add them up"
    )
}
