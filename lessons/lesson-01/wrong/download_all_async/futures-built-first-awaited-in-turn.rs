// WRONG [sequential]: the futures are all built first, as with create_task, then awaited one by one; futures do nothing until polled, so it is sequential. => "but at most 1 did"
//! Exercise 1.2: every download future polled together.

use crate::download_async;
use crate::{Page, Url};

/// Exercise 1.2: every download future polled together; `join_all` keeps their order.
pub async fn download_all_async(urls: &[Url]) -> Vec<Page> {
    let downloads: Vec<_> = urls.iter().map(download_async).collect();
    let mut pages = Vec::with_capacity(downloads.len());
    // Deliberately wrong: unlike asyncio.create_task, building a future starts nothing; each
    // one starts only when this loop awaits it.
    for download in downloads {
        pages.push(download.await);
    }
    pages
}
