// WRONG [order]: the results are returned in the order the workers finished them, not sorted by job id. => "came back, but in the order"
// The reference answer (src/solutions/pipeline.rs) with the mistake written in:
// REPLACE
//! Exercise 5.1 `pipeline`, the reference answer.
// WITH
//! Exercise 5.1 `pipeline`: a wrong answer from the catalogue (its first line says what is wrong).
// END
// REPLACE
    let mut done: Vec<Done> = thread::scope(|scope| {
// WITH
    let done: Vec<Done> = thread::scope(|scope| {
// END
// REPLACE
    done.sort_by_key(|result| result.id);
// WITH
    // Deliberately wrong: no sort, so the results stay in the order they arrived.
// END
