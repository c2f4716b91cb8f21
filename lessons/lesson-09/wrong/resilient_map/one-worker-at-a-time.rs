// WRONG [sequential]: a single worker process takes every job, replaced when it dies: it survives, but it is no pool. => "but at most 1 did"
// The reference answer (src/solutions/resilient_map.rs) with the mistake written in:
// REPLACE
//! Exercise 9.2, the reference answer: a job whose worker dies is that job's error; the next
// WITH
//! Exercise 9.2: a wrong answer from the catalogue (its first line says what is wrong).
//! A job whose worker dies is that job's error; the next
// END
// REPLACE
        let handles: Vec<_> = (0..workers.min(jobs.len()))
// WITH
        // Deliberately wrong: one worker at a time, whatever `workers` says.
        let _ = workers;
        let handles: Vec<_> = (0..1.min(jobs.len()))
// END
