// WRONG [hardcoded]: the pool starts as many threads as the machine has cores, whatever `workers` says. => "not a number of your own"
// The reference answer (src/solutions/pool.rs) with the mistake written in:
// REPLACE
//! Exercise 7.2 `Pool`, the reference answer.
// WITH
//! Exercise 7.2 `Pool`: a wrong answer from the catalogue (its first line says what is wrong).
// END
// REPLACE
        let workers = (0..workers.max(1))
// WITH
        // Deliberately wrong: the machine's core count instead of the parameter.
        let _ = workers;
        let cores = thread::available_parallelism().map_or(2, |n| n.get());
        let workers = (0..cores)
// END
