//! Lesson 08 reference answers (built with `--features solutions`).

use std::sync::Arc;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use crate::{Page, Url, download_async};

/// Puts `(index, page)` results back in the order of the urls.
async fn in_order(mut tasks: JoinSet<(usize, Page)>, count: usize) -> Vec<Page> {
    let mut pages: Vec<Option<Page>> = vec![None; count];
    // `join_next` yields each task's result as it finishes, in finishing order.
    while let Some(done) = tasks.join_next().await {
        let (index, page) = done.expect("a download task panicked");
        pages[index] = Some(page);
    }
    pages
        .into_iter()
        .map(|page| page.expect("every task returned its page"))
        .collect()
}

/// Exercise 8.1: every download spawned on a `JoinSet`; pages back in input order.
pub async fn gather(urls: Vec<Url>) -> Vec<Page> {
    let count = urls.len();
    let mut tasks = JoinSet::new();
    for (index, url) in urls.into_iter().enumerate() {
        tasks.spawn(async move { (index, download_async(&url).await) });
    }
    in_order(tasks, count).await
}

/// Exercise 8.2: every download spawned at once, but each must hold one of `limit` permits
/// while it downloads, so at most `limit` are in flight.
pub async fn fetch_all_limited(urls: Vec<Url>, limit: usize) -> Vec<Page> {
    let count = urls.len();
    let permits = Arc::new(Semaphore::new(limit));
    let mut tasks = JoinSet::new();
    for (index, url) in urls.into_iter().enumerate() {
        let permits = Arc::clone(&permits);
        tasks.spawn(async move {
            // Waits (yielding) until a permit is free; tokio's semaphore is fair, so the
            // tasks get permits in the order they asked.
            let _permit = permits
                .acquire_owned()
                .await
                .expect("the semaphore is never closed");
            (index, download_async(&url).await)
            // `_permit` is dropped here, after the download: the next task may start.
        });
    }
    in_order(tasks, count).await
}

/// Exercise 8.3: the wait yields to the runtime instead of blocking its thread.
pub async fn fetch_page(url: &Url) -> Page {
    let page = url.page();
    tokio::time::sleep(url.latency()).await; // other tasks run while this one waits
    page
}
