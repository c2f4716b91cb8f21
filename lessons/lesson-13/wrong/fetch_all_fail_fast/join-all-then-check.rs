// WRONG [cancellation]: every fetch is awaited with `join_all`, then the results are searched for an error, so the error comes back only when the slowest fetch is done. => "waited for the other fetches"
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
    // Deliberately wrong: like `asyncio.gather`, this waits for every fetch before looking.
    let results = futures::future::join_all(links.iter().map(fetch)).await;
    results.into_iter().collect()
// END
