// WRONG [sequential]: each download is awaited before the next starts, so the limit is never used. => "but at most 1 were"
// The reference answer (src/solutions/fetch_all_limited.rs) with the mistake written in:
// REPLACE
//! Exercise 8.2, the reference answer: a semaphore of `limit` permits.

use std::sync::Arc;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;
// WITH
//! Exercise 8.2: a semaphore of `limit` permits.
// END
// REPLACE
    let permits = Arc::new(Semaphore::new(limit));
    let mut tasks = JoinSet::new();
    let mut pages: Vec<Option<Page>> = vec![None; urls.len()];
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
    while let Some(done) = tasks.join_next().await {
        let (index, page) = done.expect("a download task panicked");
        pages[index] = Some(page);
// WITH
    let _ = limit;
    let mut pages = Vec::with_capacity(urls.len());
    // Deliberately wrong: never more than `limit` indeed, but never more than one either.
    for url in &urls {
        pages.push(download_async(url).await);
// END
// REPLACE
        .into_iter()
        .map(|page| page.expect("every task returned its page"))
        .collect()
// WITH
// END
