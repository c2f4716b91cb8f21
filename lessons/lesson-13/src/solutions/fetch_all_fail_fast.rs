//! Exercise 13.1, the reference answer: fail fast, and stop every other fetch.

use tokio::task::JoinSet;

use crate::{FetchError, Link, Page, fetch};

/// Exercise 13.1: every link fetched at once; the pages in the order of `links`, or the first
/// error to happen, returned as soon as it happens, with every other fetch stopped.
pub async fn fetch_all_fail_fast(links: Vec<Link>) -> Result<Vec<Page>, FetchError> {
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
}
