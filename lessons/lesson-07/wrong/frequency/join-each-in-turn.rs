// WRONG [sequential]: each worker is joined as soon as it is spawned, so the shares are counted one after another. => "at most 1 did"
// The reference answer (src/solutions/frequency.rs) with the mistake written in:
// REPLACE
//! Exercise 7.1 `frequency`, the reference answer.
// WITH
//! Exercise 7.1 `frequency`: a wrong answer from the catalogue (its first line says what is wrong).
// END
// REPLACE
        let handles: Vec<_> = texts
// WITH
        let handles: Vec<HashMap<char, usize>> = texts
// END
// REPLACE
            })
            .collect();
// WITH
            })
            // Deliberately wrong: joined right away, before the next worker is spawned.
            .map(|handle| handle.join().expect("a counting worker panicked"))
            .collect();
// END
// REPLACE
        for handle in handles {
            for (letter, n) in handle.join().expect("a counting worker panicked") {
// WITH
        for counts in handles {
            for (letter, n) in counts {
// END
