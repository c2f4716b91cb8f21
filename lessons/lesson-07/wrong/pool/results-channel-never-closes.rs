// WRONG [deadlock]: `map` keeps its own results sender and reads until the channel closes, so it waits forever. => "`map` did not return"
// The reference answer (src/solutions/pool.rs) with the mistake written in:
// REPLACE
//! Exercise 7.2 `Pool`, the reference answer.
// WITH
//! Exercise 7.2 `Pool`: a wrong answer from the catalogue (its first line says what is wrong).
// END
// REPLACE
        // Drop our own sender, so `answers` ends when the last job has sent its answer.
        drop(results);
// WITH
        // Deliberately wrong: our own sender stays alive, so `answers` never ends.
        let _keep = &results;
// END
// REPLACE
        for (index, outcome) in answers.iter().take(count) {
// WITH
        for (index, outcome) in answers.iter() {
// END
