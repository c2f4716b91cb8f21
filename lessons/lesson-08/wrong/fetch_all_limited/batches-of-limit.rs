// WRONG [batches]: the urls are downloaded in batches of `limit`, so a free slot waits for the batch's slowest download. => "batches of `limit` wait for their slowest member"
// The reference answer (src/solutions/fetch_all_limited.rs) with the mistake written in:
// REPLACE
//! Exercise 8.2, the reference answer: a semaphore of `limit` permits.
// WITH
//! Exercise 8.2: a semaphore of `limit` permits.
// END
// REPLACE
use std::sync::Arc;

use tokio::sync::Semaphore;
// WITH
// END
// REPLACE
    let permits = Arc::new(Semaphore::new(limit));
    let mut tasks = JoinSet::new();
// WITH
// END
// REPLACE
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
    let indexed: Vec<(usize, Url)> = urls.into_iter().enumerate().collect();
    // Deliberately wrong: each batch is awaited in full before the next starts.
    for batch in indexed.chunks(limit) {
        let mut tasks = JoinSet::new();
        for (index, url) in batch.iter().cloned() {
            tasks.spawn(async move { (index, download_async(&url).await) });
        }
        while let Some(done) = tasks.join_next().await {
            let (index, page) = done.expect("a download task panicked");
            pages[index] = Some(page);
        }
// END
