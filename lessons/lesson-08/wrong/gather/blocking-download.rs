// WRONG [blocking-async]: every task calls the blocking `download_blocking`, which holds the runtime's thread while it waits. => "blocked the runtime's thread"
// The reference answer (src/solutions/gather.rs) with the mistake written in:
// REPLACE
//! Exercise 8.1, the reference answer: every download spawned on a `JoinSet`.
// WITH
//! Exercise 8.1: every download spawned on a `JoinSet`.
// END
// REPLACE
use crate::{Page, Url, download_async};
// WITH
use crate::{Page, Url, download_blocking};
// END
// REPLACE
    // Spawn them all first: a spawned task starts running at once, whether or not anyone
    // awaits it yet.
// WITH
// END
// REPLACE
        tasks.spawn(async move { (index, download_async(&url).await) });
// WITH
        // Deliberately wrong: an async fn that sleeps the thread is still blocking.
        tasks.spawn(async move { (index, download_blocking(&url).await) });
// END
// REPLACE
    // `join_next` yields each task's result as it finishes, in finishing order: the index puts
    // each page back in its slot.
// WITH
// END
