// WRONG [sequential]: a single worker, whatever `workers` says. => "jobs ran at once"
// The reference answer (src/solutions/work_until_shutdown.rs) with the mistake written in:
// REPLACE
//! Exercise 13.3, the reference answer: workers that stop on a cancellation token, finish the
//! job in hand, and report every job.
// WITH
//! Exercise 13.3: workers that stop on a cancellation token, finish the job in hand, and
//! report every job.
// END
// REPLACE
    for _ in 0..workers {
// WITH
    // Deliberately wrong: one worker.
    let _ = workers;
    for _ in 0..1 {
// END
