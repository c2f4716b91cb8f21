// WRONG [blocking-async]: every task calls the blocking `download_blocking`, which holds the runtime's thread while it waits. => "blocked the runtime's thread"
//! Exercise 8.1: every download spawned on a `JoinSet`.

use tokio::task::JoinSet;

use crate::{Page, Url, download_blocking};

/// Exercise 8.1: every download spawned on a `JoinSet`; pages back in input order.
pub async fn gather(urls: Vec<Url>) -> Vec<Page> {
    let mut tasks = JoinSet::new();
    let mut pages: Vec<Option<Page>> = vec![None; urls.len()];
    for (index, url) in urls.into_iter().enumerate() {
        // Deliberately wrong: an async fn that sleeps the thread is still blocking.
        tasks.spawn(async move { (index, download_blocking(&url).await) });
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
