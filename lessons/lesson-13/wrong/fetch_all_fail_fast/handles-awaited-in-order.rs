// WRONG [first-error]: the tasks are spawned, then their handles awaited in the order of the links, so the error returned is the first in the list, not the first to happen (and the tasks after it are left running). => "the first to fail was"
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
    let tasks: Vec<_> = links
        .into_iter()
        .map(|link| tokio::spawn(async move { fetch(&link).await }))
        .collect();
    let mut pages = Vec::new();
    // Deliberately wrong: in the order of the links, not the order the results come in.
    for task in tasks {
        pages.push(task.await.expect("a fetch task panicked")?);
    }
    Ok(pages)
// END
