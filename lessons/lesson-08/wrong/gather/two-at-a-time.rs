// WRONG [batches]: no more tasks are spawned while two are running, so only two downloads overlap. => "but at most 2 did"
//! Exercise 8.1: every download spawned on a `JoinSet`.

use tokio::task::JoinSet;

use crate::{Page, Url, download_async};

/// Exercise 8.1: every download spawned on a `JoinSet`; pages back in input order.
pub async fn gather(urls: Vec<Url>) -> Vec<Page> {
    let mut tasks = JoinSet::new();
    let mut pages: Vec<Option<Page>> = vec![None; urls.len()];
    for (index, url) in urls.into_iter().enumerate() {
        // Deliberately wrong: "not too many at once" is not what gather does.
        if tasks.len() == 2
            && let Some(done) = tasks.join_next().await
        {
            let (index, page) = done.expect("a download task panicked");
            pages[index] = Some(page);
        }
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
