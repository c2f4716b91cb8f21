// WRONG [unbounded]: the job channel is unbounded, so the generator makes every job at once instead of being held back. => "ran ahead"
// The reference answer (src/solutions/pipeline.rs) with the mistake written in:
// REPLACE
//! Exercise 5.1 `pipeline`, the reference answer.
// WITH
//! Exercise 5.1 `pipeline`: a wrong answer from the catalogue (its first line says what is wrong).
// END
// REPLACE
    let (job_sender, job_receiver) = channel::bounded::<Job>(capacity);
// WITH
    // Deliberately wrong: no bound, so nothing holds the generator back.
    let (job_sender, job_receiver) = channel::unbounded::<Job>();
// END
