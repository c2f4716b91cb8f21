// WRONG [sequential]: each task is awaited with `join_next` right after it is spawned, so each download waits for the one before. => "but at most 1 did"
//! Exercise 8.1: every download spawned on a `JoinSet`.

use tokio::task::JoinSet;

use crate::{Page, Url, download_async};

/// Exercise 8.1: every download spawned on a `JoinSet`; pages back in input order.
pub async fn gather(urls: Vec<Url>) -> Vec<Page> {
    let mut tasks = JoinSet::new();
    let mut pages: Vec<Option<Page>> = vec![None; urls.len()];
    for (index, url) in urls.into_iter().enumerate() {
        tasks.spawn(async move { (index, download_async(&url).await) });
        // Deliberately wrong: waiting here, inside the spawning loop, finishes this download
        // before the next task is spawned.
        if let Some(done) = tasks.join_next().await {
            let (index, page) = done.expect("a download task panicked");
            pages[index] = Some(page);
        }
    }
    pages
        .into_iter()
        .map(|page| page.expect("every task returned its page"))
        .collect()
}
