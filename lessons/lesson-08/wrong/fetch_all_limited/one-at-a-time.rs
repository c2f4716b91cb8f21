// WRONG [sequential]: each download is awaited before the next starts, so the limit is never used. => "but at most 1 were"
//! Exercise 8.2: a semaphore of `limit` permits.

use crate::{Page, Url, download_async};

/// Exercise 8.2: every download spawned at once, but each must hold one of `limit` permits
/// while it downloads, so at most `limit` are in flight.
pub async fn fetch_all_limited(urls: Vec<Url>, limit: usize) -> Vec<Page> {
    let _ = limit;
    let mut pages = Vec::with_capacity(urls.len());
    // Deliberately wrong: never more than `limit` indeed, but never more than one either.
    for url in &urls {
        pages.push(download_async(url).await);
    }
    pages
}
