// WRONG [hardcoded]: as many workers as the machine has cores, whatever `workers` says. => "not a number of your own"
// The reference answer (src/solutions/frequency.rs) with the mistake written in:
// REPLACE
//! Exercise 7.1 `frequency`, the reference answer.
// WITH
//! Exercise 7.1 `frequency`: a wrong answer from the catalogue (its first line says what is wrong).
// END
// REPLACE
    let size = texts.len().div_ceil(workers.max(1)).max(1);
// WITH
    // Deliberately wrong: the machine's core count instead of the parameter.
    let _ = workers;
    let workers = thread::available_parallelism().map_or(2, |n| n.get());
    let size = texts.len().div_ceil(workers).max(1);
// END
