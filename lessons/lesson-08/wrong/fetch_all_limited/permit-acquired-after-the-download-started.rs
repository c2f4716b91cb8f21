// WRONG [unbounded]: the download is spawned as its own task before the permit is acquired, so every download is already running. => "with limit 3, but 10 downloads"
//! Exercise 8.2: a semaphore of `limit` permits.

use std::sync::Arc;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use crate::{Page, Url, download_async};

/// Exercise 8.2: every download spawned at once, but each must hold one of `limit` permits
/// while it downloads, so at most `limit` are in flight.
pub async fn fetch_all_limited(urls: Vec<Url>, limit: usize) -> Vec<Page> {
    let permits = Arc::new(Semaphore::new(limit));
    let mut tasks = JoinSet::new();
    let mut pages: Vec<Option<Page>> = vec![None; urls.len()];
    for (index, url) in urls.into_iter().enumerate() {
        let permits = Arc::clone(&permits);
        tasks.spawn(async move {
            // Deliberately wrong: a spawned task starts at once; the permit taken after it
            // limits nothing.
            let download = tokio::spawn(async move { download_async(&url).await });
            let _permit = permits
                .acquire_owned()
                .await
                .expect("the semaphore is never closed");
            (index, download.await.expect("the download panicked"))
        });
    }
    while let Some(done) = tasks.join_next().await {
        let (index, page) = done.expect("a download task panicked");
        pages[index] = Some(page);
    }
    pages
        .into_iter()
        .map(|page| page.expect("every task returned its page"))
        .collect()
}
