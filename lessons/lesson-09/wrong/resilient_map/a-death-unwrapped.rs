// WRONG [result]: a dead worker's error is unwrapped, as in 9.1, so the first death ends the whole map with a panic. => "a worker answers"
// The reference answer (src/solutions/resilient_map.rs) with the mistake written in:
// REPLACE
//! Exercise 9.2, the reference answer: a job whose worker dies is that job's error; the next
// WITH
//! Exercise 9.2: a wrong answer from the catalogue (its first line says what is wrong).
//! A job whose worker dies is that job's error; the next
// END
// REPLACE
    let answer = alive.request(job, limit).map_err(named)?;
// WITH
    // Deliberately wrong: a worker that dies takes every job down with it.
    let answer = alive.request(job, limit).expect("a worker answers");
// END
