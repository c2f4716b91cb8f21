// WRONG [sequential]: each download is awaited in a `for` loop before the next one starts. => "but at most 1 did"
//! Exercise 1.2: every download future polled together.

use crate::download_async;
use crate::{Page, Url};

/// Exercise 1.2: every download future polled together; `join_all` keeps their order.
pub async fn download_all_async(urls: &[Url]) -> Vec<Page> {
    let mut pages = Vec::with_capacity(urls.len());
    // Deliberately wrong: `.await` here waits for this download to finish before the loop
    // builds the next one.
    for url in urls {
        pages.push(download_async(url).await);
    }
    pages
}
