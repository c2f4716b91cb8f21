// WRONG [lock-held]: every worker counts each text straight into one shared map under its lock, so the texts are counted one at a time. => "at most 1 did"
//! Exercise 7.1 `frequency`: a wrong answer from the catalogue (its first line says what is wrong).

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::thread;

use instruments::Recorder;

use crate::count_letters;

/// Exercise 7.1: letter frequencies, the texts spread over `workers` scoped threads, each
/// counting its share into its own map; the maps are merged after the joins.
pub fn frequency(texts: &[&str], workers: usize, recorder: &Recorder) -> HashMap<char, usize> {
    let size = texts.len().div_ceil(workers.max(1)).max(1);
    let total = Mutex::new(HashMap::new());
    thread::scope(|scope| {
        for share in texts.chunks(size) {
            let total = &total;
            scope.spawn(move || {
                for text in share {
                    // Deliberately wrong: each text is counted into the shared map under its
                    // lock, so only one text is being counted at any moment.
                    let mut counts = total.lock().unwrap_or_else(PoisonError::into_inner);
                    count_letters(text, &mut counts, recorder);
                }
            });
        }
    });
    total.into_inner().unwrap_or_else(PoisonError::into_inner)
}
