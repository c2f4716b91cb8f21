//! Exercise 8.1, the reference answer: every download spawned on a `JoinSet`.

use tokio::task::JoinSet;

use crate::{Page, Url, download_async};

/// Exercise 8.1: every download spawned on a `JoinSet`; pages back in input order.
pub async fn gather(urls: Vec<Url>) -> Vec<Page> {
    let mut tasks = JoinSet::new();
    let mut pages: Vec<Option<Page>> = vec![None; urls.len()];
    // Spawn them all first: a spawned task starts running at once, whether or not anyone
    // awaits it yet.
    for (index, url) in urls.into_iter().enumerate() {
        tasks.spawn(async move { (index, download_async(&url).await) });
    }
    // `join_next` yields each task's result as it finishes, in finishing order: the index puts
    // each page back in its slot.
    while let Some(done) = tasks.join_next().await {
        let (index, page) = done.expect("a download task panicked");
        pages[index] = Some(page);
    }
    pages
        .into_iter()
        .map(|page| page.expect("every task returned its page"))
        .collect()
}
