//! Exercise 8.2, the reference answer: a semaphore of `limit` permits.

use std::sync::Arc;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use crate::{Page, Url, download_async};

/// Exercise 8.2: every download spawned at once, but each must hold one of `limit` permits
/// while it downloads, so at most `limit` are in flight.
pub async fn fetch_all_limited(urls: Vec<Url>, limit: usize) -> Vec<Page> {
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
    // `join_all` waits for every task and gives their results in finishing order (it passes a
    // task's panic on); sorting by index puts the pages back in the order of `urls`.
    let mut done = tasks.join_all().await;
    done.sort_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, page)| page).collect()
}
