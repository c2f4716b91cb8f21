// WRONG [blocking-async]: the blocking `download` is called inside async blocks, so it holds the runtime's thread while it waits. => "blocked the runtime's thread"
//! Exercise 1.2: every download future polled together.

use crate::download;
use crate::{Page, Url};

/// Exercise 1.2: every download future polled together; `join_all` keeps their order.
pub async fn download_all_async(urls: &[Url]) -> Vec<Page> {
    // Deliberately wrong: `download` sleeps the thread; inside an async block it is still a
    // blocking call, and no other future on the thread is polled while it sleeps.
    futures::future::join_all(urls.iter().map(|url| async move { download(url) })).await
}
