// WRONG [hardcoded]: the semaphore has three permits, whatever `limit` says. => "with limit 1, but 3 downloads"
//! Exercise 8.2: a semaphore of `limit` permits.

use std::sync::Arc;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use crate::{Page, Url, download_async};

/// Exercise 8.2: every download spawned at once, but each must hold one of `limit` permits
/// while it downloads, so at most `limit` are in flight.
pub async fn fetch_all_limited(urls: Vec<Url>, limit: usize) -> Vec<Page> {
    // Deliberately wrong: 3 is the limit in the example, not the parameter.
    let _ = limit;
    let permits = Arc::new(Semaphore::new(3));
    let mut tasks = JoinSet::new();
    let mut pages: Vec<Option<Page>> = vec![None; urls.len()];
    for (index, url) in urls.into_iter().enumerate() {
        let permits = Arc::clone(&permits);
        tasks.spawn(async move {
            let _permit = permits
                .acquire_owned()
                .await
                .expect("the semaphore is never closed");
            (index, download_async(&url).await)
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
