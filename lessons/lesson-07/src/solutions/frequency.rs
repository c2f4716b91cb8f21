//! Exercise 7.1 `frequency`, the reference answer.

use std::collections::HashMap;
use std::thread;

use instruments::Recorder;

use crate::count_letters;

/// Exercise 7.1: letter frequencies, the texts spread over `workers` scoped threads, each
/// counting its share into its own map; the maps are merged after the joins.
pub fn frequency(texts: &[&str], workers: usize, recorder: &Recorder) -> HashMap<char, usize> {
    let size = texts.len().div_ceil(workers.max(1)).max(1);
    thread::scope(|scope| {
        let handles: Vec<_> = texts
            .chunks(size)
            .map(|share| {
                // Each worker fills its own map: no lock, nothing shared while counting.
                scope.spawn(move || {
                    let mut counts = HashMap::new();
                    for text in share {
                        count_letters(text, &mut counts, recorder);
                    }
                    counts
                })
            })
            .collect();
        // Every worker was started above, before the first join: they count at the same time.
        // Then the partial counts are merged, once per worker, on this thread.
        let mut total = HashMap::new();
        for handle in handles {
            for (letter, n) in handle.join().expect("a counting worker panicked") {
                *total.entry(letter).or_insert(0) += n;
            }
        }
        total
    })
}
