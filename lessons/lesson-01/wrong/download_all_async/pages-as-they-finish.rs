// WRONG [order]: `FuturesUnordered` yields the pages as the downloads finish, not in the order of the urls. => "order of the urls"
//! Exercise 1.2: every download future polled together.

use futures::StreamExt;
use futures::stream::FuturesUnordered;

use crate::download_async;
use crate::{Page, Url};

/// Exercise 1.2: every download future polled together; `join_all` keeps their order.
pub async fn download_all_async(urls: &[Url]) -> Vec<Page> {
    // Deliberately wrong: all at once, but collected in finishing order.
    urls.iter()
        .map(download_async)
        .collect::<FuturesUnordered<_>>()
        .collect()
        .await
}
