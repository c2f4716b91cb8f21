// WRONG [unbounded]: `map` starts a new thread for every item instead of sending jobs to the pool's workers, so any number run at once. => "ran 3 jobs at once"
// The reference answer (src/solutions/pool.rs) with the mistake written in:
// REPLACE
//! Exercise 7.2 `Pool`, the reference answer.
// WITH
//! Exercise 7.2 `Pool`: a wrong answer from the catalogue (its first line says what is wrong).
// END
// REPLACE
            jobs.send(job).expect("the workers are running");
// WITH
            // Deliberately wrong: a thread per job, ignoring the pool's own workers.
            let _ = jobs;
            thread::spawn(job);
// END
