// WRONG [sequential]: each download is awaited before the next starts, so the limit is never used. => "but at most 1 were"
//! Exercise 8.2: a wrong answer from the catalogue (its first line says what is wrong).

use crate::{Page, Url, download_async};

/// Exercise 8.2: never more than `limit` at once, and never more than one either.
pub async fn fetch_all_limited(urls: Vec<Url>, limit: usize) -> Vec<Page> {
    let _ = limit;
    let mut pages = Vec::with_capacity(urls.len());
    // Deliberately wrong: each download is awaited before the next starts.
    for url in &urls {
        pages.push(download_async(url).await);
    }
    pages
}
