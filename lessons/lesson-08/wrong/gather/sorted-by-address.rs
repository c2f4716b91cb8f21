// WRONG [order]: the pages are sorted by address to undo the finishing order, but the urls were not given in alphabetical order. => "order of the urls"
//! Exercise 8.1: every download spawned on a `JoinSet`.

use tokio::task::JoinSet;

use crate::{Page, Url, download_async};

/// Exercise 8.1: every download spawned on a `JoinSet`; pages back in input order.
pub async fn gather(urls: Vec<Url>) -> Vec<Page> {
    let mut tasks = JoinSet::new();
    for url in urls {
        tasks.spawn(async move { download_async(&url).await });
    }
    let mut pages = Vec::new();
    while let Some(done) = tasks.join_next().await {
        pages.push(done.expect("a download task panicked"));
    }
    // Deliberately wrong: sorting restores alphabetical order, not the order of the urls.
    pages.sort_by(|a, b| a.url.cmp(&b.url));
    pages
}
