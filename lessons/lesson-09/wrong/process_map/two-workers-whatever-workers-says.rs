// WRONG [hardcoded]: two worker processes, always, whatever `workers` says. => "but at most 2 did"
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
        // Deliberately wrong: two workers, the number of cores on the learner's laptop.
        let _ = workers;
        let handles: Vec<_> = (0..2.min(jobs.len()))
// END
