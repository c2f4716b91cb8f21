// WRONG [hardcoded]: two workers whatever `workers` says. => "at most 2 did"
// The reference answer (src/solutions/pipeline.rs) with the mistake written in:
// REPLACE
//! Exercise 5.1 `pipeline`, the reference answer.
// WITH
//! Exercise 5.1 `pipeline`: a wrong answer from the catalogue (its first line says what is wrong).
// END
// REPLACE
        for worker in 1..=workers.max(1) {
// WITH
        // Deliberately wrong: a worker count of our own instead of the parameter.
        for worker in 1..=2 {
// END
