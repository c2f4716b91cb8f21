// WRONG [batches]: the urls are downloaded in batches of `limit`, so a free slot waits for the batch's slowest download. => "batches of `limit` wait for their slowest member"
//! Exercise 8.2: a wrong answer from the catalogue (its first line says what is wrong).

use tokio::task::JoinSet;

use crate::{Page, Url, download_async};

/// Exercise 8.2: never more than `limit` at once, but in batches.
pub async fn fetch_all_limited(urls: Vec<Url>, limit: usize) -> Vec<Page> {
    let mut pages: Vec<Option<Page>> = vec![None; urls.len()];
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
    }
    pages
        .into_iter()
        .map(|page| page.expect("every task returned its page"))
        .collect()
}
