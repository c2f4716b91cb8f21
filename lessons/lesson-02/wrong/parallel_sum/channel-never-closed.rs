// WRONG [deadlock]: the chunk totals come back on a channel whose first sender is never dropped, so the loop that receives them never ends. => "timed out"
// The reference answer (src/solutions/parallel_sum.rs) with the mistake written in:
// REPLACE

use std::thread;
// WITH

use std::sync::mpsc;
use std::thread;
// END
// REPLACE
    let size = numbers.len().div_ceil(workers.max(1)).max(1);
// WITH
    let size = numbers.len().div_ceil(workers.max(1)).max(1);
    let (totals, received) = mpsc::channel();
// END
// REPLACE
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
// WITH
        for (chunk_number, chunk) in numbers.chunks(size).enumerate() {
            let totals = totals.clone();
            scope.spawn(move || {
                let _ = totals.send(sum_chunk(recorder, chunk_number, chunk));
            });
        }
        // Deliberately wrong: `totals` itself is never dropped, so `received` never closes and
        // this loop waits for a message that never comes.
        received.iter().sum()
// END
