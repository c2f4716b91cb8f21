// WRONG [unbounded]: the permit is acquired in the spawning loop and dropped at the end of the loop body, before the task downloads. => "with limit 3, but 10 downloads"
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
        // Deliberately wrong: this permit belongs to the loop body, not to the task: it is
        // given back as soon as the task is spawned.
        let _permit = permits
            .acquire()
            .await
            .expect("the semaphore is never closed");
        tasks.spawn(async move { (index, download_async(&url).await) });
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
