//! Exercise 1.2, the reference answer: every download future polled together.

use crate::download_async;
use crate::{Page, Url};

/// Exercise 1.2: every download future polled together; `join_all` keeps their order.
pub async fn download_all_async(urls: &[Url]) -> Vec<Page> {
    futures::future::join_all(urls.iter().map(download_async)).await
}
