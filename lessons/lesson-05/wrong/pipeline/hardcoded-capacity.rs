// WRONG [hardcoded]: both channels hold 2 whatever `capacity` says. => "capacity 1 lets it get at most 4 ahead"
// The reference answer (src/solutions/pipeline.rs) with the mistake written in:
// REPLACE
//! Exercise 5.1 `pipeline`, the reference answer.
// WITH
//! Exercise 5.1 `pipeline`: a wrong answer from the catalogue (its first line says what is wrong).
// END
// REPLACE
    let (job_sender, job_receiver) = channel::bounded::<Job>(capacity);
    let (result_sender, result_receiver) = channel::bounded::<Done>(capacity);
// WITH
    // Deliberately wrong: a capacity of our own instead of the parameter.
    let _ = capacity;
    let (job_sender, job_receiver) = channel::bounded::<Job>(2);
    let (result_sender, result_receiver) = channel::bounded::<Done>(2);
// END
