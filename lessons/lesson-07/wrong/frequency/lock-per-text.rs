// WRONG [lock-held]: every worker counts each text straight into one shared map under its lock, so the texts are counted one at a time. => "at most 1 did"
// The reference answer (src/solutions/frequency.rs) with the mistake written in:
// REPLACE
//! Exercise 7.1 `frequency`, the reference answer.
// WITH
//! Exercise 7.1 `frequency`: a wrong answer from the catalogue (its first line says what is wrong).
// END
// REPLACE
use std::collections::HashMap;
// WITH
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
// END
// REPLACE
    let size = texts.len().div_ceil(workers.max(1)).max(1);
// WITH
    let size = texts.len().div_ceil(workers.max(1)).max(1);
    let total = Mutex::new(HashMap::new());
// END
// REPLACE
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
// WITH
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
// END
// REPLACE
        total
    })
// WITH
    });
    total.into_inner().unwrap_or_else(PoisonError::into_inner)
// END
