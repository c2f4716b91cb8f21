// WRONG [batches]: no more tasks are spawned while two are running, so only two downloads overlap. => "but at most 2 did"
// The reference answer (src/solutions/gather.rs) with the mistake written in:
// REPLACE
//! Exercise 8.1, the reference answer: every download spawned on a `JoinSet`.
// WITH
//! Exercise 8.1: every download spawned on a `JoinSet`.
// END
// REPLACE
    // Spawn them all first: a spawned task starts running at once, whether or not anyone
    // awaits it yet.
    for (index, url) in urls.into_iter().enumerate() {
// WITH
    for (index, url) in urls.into_iter().enumerate() {
        // Deliberately wrong: "not too many at once" is not what gather does.
        if tasks.len() == 2
            && let Some(done) = tasks.join_next().await
        {
            let (index, page) = done.expect("a download task panicked");
            pages[index] = Some(page);
        }
// END
// REPLACE
    // `join_next` yields each task's result as it finishes, in finishing order: the index puts
    // each page back in its slot.
// WITH
// END
