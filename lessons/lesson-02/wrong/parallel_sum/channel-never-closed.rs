// WRONG [deadlock]: the chunk totals come back on a channel whose first sender is never dropped, so the loop that receives them never ends. => "timed out"
//! Exercise 2.1, the reference answer.

use std::sync::mpsc;
use std::thread;

use instruments::Recorder;

use crate::sum_chunk;

/// Exercise 2.1: one scoped thread per chunk; the chunk totals added up.
pub fn parallel_sum(numbers: &[u64], workers: usize, recorder: &Recorder) -> u64 {
    // At most `workers` chunks. `max(1)`: an empty slice gives a size of 0, and `chunks(0)`
    // panics; zero workers is treated as one.
    let size = numbers.len().div_ceil(workers.max(1)).max(1);
    let (totals, received) = mpsc::channel();
    thread::scope(|scope| {
        for (chunk_number, chunk) in numbers.chunks(size).enumerate() {
            let totals = totals.clone();
            scope.spawn(move || {
                let _ = totals.send(sum_chunk(recorder, chunk_number, chunk));
            });
        }
        // Deliberately wrong: `totals` itself is never dropped, so `received` never closes and
        // this loop waits for a message that never comes.
        received.iter().sum()
    })
}
