// WRONG [leak]: the fetches are spawned with `tokio::spawn` and joined with `try_join_all`, which returns at the first error but only drops the other `JoinHandle`s, and a dropped handle does not stop its task. => "left running"
// The reference answer (src/solutions/fetch_all_fail_fast.rs) with the mistake written in:
// REPLACE
//! Exercise 13.1, the reference answer: fail fast, and stop every other fetch.
// WITH
//! Exercise 13.1: fail fast, and stop every other fetch.
// END
// REPLACE
use tokio::task::JoinSet;

use crate::{FetchError, Link, Page, fetch};
// WITH
use crate::{FetchError, Link, Page, fetch};
// END
// REPLACE
    let mut tasks = JoinSet::new();
    for (index, link) in links.iter().cloned().enumerate() {
        tasks.spawn(async move { (index, fetch(&link).await) });
    }
    let mut pages: Vec<Option<Page>> = vec![None; links.len()];
    // `join_next` hands results back in the order they finish, so the first `Err` it gives is
    // the first error to happen.
    while let Some(done) = tasks.join_next().await {
        let (index, result) = done.expect("a fetch task panicked");
        // `?` returns at once. Returning drops `tasks`, and dropping a JoinSet aborts every
        // task still in it: the other fetches stop now, not when they would have finished.
        pages[index] = Some(result?);
    }
    Ok(pages
        .into_iter()
        .map(|page| page.expect("every task returned its page"))
        .collect())
// WITH
    let tasks = links.into_iter().map(|link| {
        let task = tokio::spawn(async move { fetch(&link).await });
        async move { task.await.expect("a fetch task panicked") }
    });
    // Deliberately wrong: returning drops the JoinHandles, and their tasks run on, detached.
    futures::future::try_join_all(tasks).await
// END
