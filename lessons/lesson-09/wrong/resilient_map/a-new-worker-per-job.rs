// WRONG [unbounded]: every job gets a fresh worker process, finished after its answer: no more than `workers` alive, yet a process start per job. => "were started for 2 workers"
// The reference answer (src/solutions/resilient_map.rs) with the mistake written in:
// REPLACE
//! Exercise 9.2, the reference answer: a job whose worker dies is that job's error; the next
// WITH
//! Exercise 9.2: a wrong answer from the catalogue (its first line says what is wrong).
//! A job whose worker dies is that job's error; the next
// END
// REPLACE
    let answer = alive.request(job, limit).map_err(named)?;
    *worker = Some(alive);
    Ok(answer)
// WITH
    let answer = alive.request(job, limit).map_err(named)?;
    // Deliberately wrong: a fresh worker for every job, finished after its answer.
    let _ = alive.finish(limit);
    let _ = worker;
    Ok(answer)
// END
