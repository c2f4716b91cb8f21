// WRONG [result]: `if let` instead of `while let` awaits only the first task to finish, and the other pages are lost. => "pages came back"
// The reference answer (src/solutions/gather.rs) with the mistake written in:
// REPLACE
//! Exercise 8.1, the reference answer: every download spawned on a `JoinSet`.
// WITH
//! Exercise 8.1: every download spawned on a `JoinSet`.
// END
// REPLACE
    // Spawn them all first: a spawned task starts running at once, whether or not anyone
    // awaits it yet.
// WITH
// END
// REPLACE
    // `join_next` yields each task's result as it finishes, in finishing order: the index puts
    // each page back in its slot.
    while let Some(done) = tasks.join_next().await {
// WITH
    // Deliberately wrong: one `join_next`, then the JoinSet is dropped, which aborts the
    // tasks still running.
    if let Some(done) = tasks.join_next().await {
// END
// REPLACE
    pages
        .into_iter()
        .map(|page| page.expect("every task returned its page"))
        .collect()
// WITH
    pages.into_iter().flatten().collect()
// END
