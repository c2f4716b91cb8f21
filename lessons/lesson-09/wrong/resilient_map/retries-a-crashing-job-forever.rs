// WRONG [unbounded]: a job whose worker died is retried on a new worker until it is answered, but a job that crashes its worker crashes every one. => "timed out"
// The reference answer (src/solutions/resilient_map.rs) with the mistake written in:
// REPLACE
//! Exercise 9.2, the reference answer: a job whose worker dies is that job's error; the next
// WITH
//! Exercise 9.2: a wrong answer from the catalogue (its first line says what is wrong).
//! A job whose worker dies is that job's error; the next
// END
// REPLACE
    let mut alive = match worker.take() {
        Some(alive) => alive,
        None => Worker::spawn(command).map_err(named)?,
    };
    // `request` never blocks longer than `limit`: a worker that hangs is killed, and a dead
    // worker's pipe reads as end of file. After an error the worker has been waited for.
    let answer = alive.request(job, limit).map_err(named)?;
    *worker = Some(alive);
    Ok(answer)
// WITH
    // Deliberately wrong: try again until it works, with no bound on the tries.
    loop {
        let mut alive = match worker.take() {
            Some(alive) => alive,
            None => Worker::spawn(command).map_err(named)?,
        };
        if let Ok(answer) = alive.request(job, limit) {
            *worker = Some(alive);
            return Ok(answer);
        }
    }
// END
