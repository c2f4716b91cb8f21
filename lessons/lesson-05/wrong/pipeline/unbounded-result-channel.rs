// WRONG [unbounded]: the result channel is unbounded, so nothing holds the workers back from a slow collector. => "calls `unbounded`"
// The reference answer (src/solutions/pipeline.rs) with the mistake written in:
// REPLACE
//! Exercise 5.1 `pipeline`, the reference answer.
// WITH
//! Exercise 5.1 `pipeline`: a wrong answer from the catalogue (its first line says what is wrong).
// END
// REPLACE
    let (result_sender, result_receiver) = channel::bounded::<Done>(capacity);
// WITH
    // Deliberately wrong: the result channel has no bound.
    let (result_sender, result_receiver) = channel::unbounded::<Done>();
// END
