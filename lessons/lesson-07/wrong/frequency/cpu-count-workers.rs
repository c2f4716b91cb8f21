// WRONG [hardcoded]: as many workers as the machine has cores, whatever `workers` says. => "not a number of your own"
//! Exercise 7.1 `frequency`: a wrong answer from the catalogue (its first line says what is wrong).

use std::collections::HashMap;
use std::thread;

use instruments::Recorder;

use crate::count_letters;

/// Exercise 7.1: letter frequencies, the texts spread over `workers` scoped threads, each
/// counting its share into its own map; the maps are merged after the joins.
pub fn frequency(texts: &[&str], workers: usize, recorder: &Recorder) -> HashMap<char, usize> {
    // Deliberately wrong: the machine's core count instead of the parameter.
    let _ = workers;
    let workers = thread::available_parallelism().map_or(2, |n| n.get());
    let size = texts.len().div_ceil(workers).max(1);
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
