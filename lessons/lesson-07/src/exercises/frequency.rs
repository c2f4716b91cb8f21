//! Exercise 7.1 `frequency`: letter frequencies, the texts spread over workers.

use std::collections::HashMap;

use instruments::Recorder;

#[allow(unused_imports)] // you will need this
use crate::count_letters;

/// Exercise 7.1: count the letters of `texts` on `workers` worker threads at the same time.
///
/// Count each text with `count_letters(text, &mut counts, recorder)` (given, in the lesson's
/// `lib.rs`): it knows the rule (case-insensitive, letters of every script) and records each
/// call as a span, which is how the check sees your workers counting at the same moment.
///
/// - Spread the texts over `workers` threads (scoped threads, or a rayon pool of `workers`):
///   every text counted exactly once, no more threads than `workers`.
/// - The workers must really count at the same time: a lock held around the counting (one
///   shared `Mutex<HashMap>`) makes them take turns even though their threads overlap.
/// - Any `workers >= 1` gives the exact counts, also more workers than texts, and no texts at
///   all gives an empty map.
///
/// Hint: `texts.chunks(texts.len().div_ceil(workers).max(1))` gives at most `workers` shares.
/// Let each worker fill its own `HashMap` (no lock needed), then merge the maps after the
/// joins: `*total.entry(letter).or_insert(0) += n`.
pub fn frequency(texts: &[&str], workers: usize, recorder: &Recorder) -> HashMap<char, usize> {
    // TODO: inside `std::thread::scope`, spawn a thread per share of the texts; each counts its
    // share into its own map with `count_letters`; join them all and merge the maps.
    let _ = (texts, workers, recorder);
    todo!(
        "exercise 7.1 `frequency` (lessons/lesson-07/src/exercises/frequency.rs): count each \
         share of the texts on its own worker thread with `count_letters` into the worker's own \
         map, then merge the counts"
    )
}
