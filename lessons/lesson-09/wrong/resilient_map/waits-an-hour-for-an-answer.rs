// WRONG [deadlock]: the limit is ignored and each answer is given an hour, so a worker that hangs holds its job, and the whole map, for an hour. => "timed out"
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
    // Deliberately wrong: "long enough for any job".
    let _ = limit;
    let answer = alive.request(job, Duration::from_secs(3600)).map_err(named)?;
// END
