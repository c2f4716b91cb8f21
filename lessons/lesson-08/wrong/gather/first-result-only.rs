// WRONG [result]: `if let` instead of `while let` awaits only the first task to finish, and the other pages are lost. => "pages came back"
//! Exercise 8.1: every download spawned on a `JoinSet`.

use tokio::task::JoinSet;

use crate::{Page, Url, download_async};

/// Exercise 8.1: every download spawned on a `JoinSet`; pages back in input order.
pub async fn gather(urls: Vec<Url>) -> Vec<Page> {
    let mut tasks = JoinSet::new();
    let mut pages: Vec<Option<Page>> = vec![None; urls.len()];
    for (index, url) in urls.into_iter().enumerate() {
        tasks.spawn(async move { (index, download_async(&url).await) });
    }
    // Deliberately wrong: one `join_next`, then the JoinSet is dropped, which aborts the
    // tasks still running.
    if let Some(done) = tasks.join_next().await {
        let (index, page) = done.expect("a download task panicked");
        pages[index] = Some(page);
    }
    pages.into_iter().flatten().collect()
}
