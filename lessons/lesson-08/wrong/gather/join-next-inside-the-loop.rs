// WRONG [sequential]: each task is awaited with `join_next` right after it is spawned, so each download waits for the one before. => "but at most 1 did"
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
    }
    // `join_next` yields each task's result as it finishes, in finishing order: the index puts
    // each page back in its slot.
    while let Some(done) = tasks.join_next().await {
        let (index, page) = done.expect("a download task panicked");
        pages[index] = Some(page);
// WITH
        // Deliberately wrong: waiting here, inside the spawning loop, finishes this download
        // before the next task is spawned.
        if let Some(done) = tasks.join_next().await {
            let (index, page) = done.expect("a download task panicked");
            pages[index] = Some(page);
        }
// END
