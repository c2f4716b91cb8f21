// WRONG [unbounded]: one worker process per job, all started at once, whatever `workers` says. => "alive at once"
// The reference answer (src/solutions/process_map.rs) with the mistake written in:
// REPLACE
//! Exercise 9.1, the reference answer: a pool of `workers` processes, each fed jobs one at a
// WITH
//! Exercise 9.1: a wrong answer from the catalogue (its first line says what is wrong).
//! A pool of `workers` processes, each fed jobs one at a
// END
// REPLACE
        let handles: Vec<_> = (0..workers.min(jobs.len()))
// WITH
        // Deliberately wrong: a process for every job, all at the same time.
        let _ = workers;
        let handles: Vec<_> = (0..jobs.len())
// END
