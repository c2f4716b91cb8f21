// WRONG [lock-held]: one shared `Mutex<HashMap>` is locked for each worker's whole share, so the threads overlap while the counting is done in turn. => "at most 1 did"
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
                // Deliberately wrong: the shared map stays locked while this worker counts its
                // whole share, so the other workers wait for it.
                let mut counts = total.lock().unwrap_or_else(PoisonError::into_inner);
                for text in share {
                    count_letters(text, &mut counts, recorder);
                }
            });
        }
    });
    total.into_inner().unwrap_or_else(PoisonError::into_inner)
}
