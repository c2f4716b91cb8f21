// WRONG [order]: the pages are pushed as `join_next` returns them, in the order the downloads finish. => "order of the urls"
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
    // Deliberately wrong: `join_next` hands results back in finishing order.
    while let Some(done) = tasks.join_next().await {
        pages.push(done.expect("a download task panicked"));
    }
    pages
}
