// WRONG [blocking-async]: each download is driven with `futures::executor::block_on` inside the async fn, which holds the thread the download's timer needs. => "blocked the runtime's thread"
//! Exercise 1.2: every download future polled together.

use crate::download_async;
use crate::{Page, Url};

/// Exercise 1.2: every download future polled together; `join_all` keeps their order.
pub async fn download_all_async(urls: &[Url]) -> Vec<Page> {
    // Deliberately wrong: `block_on` waits on this thread, and the tokio timer the download
    // waits for is driven by this same thread: it never fires.
    urls.iter()
        .map(|url| futures::executor::block_on(download_async(url)))
        .collect()
}
