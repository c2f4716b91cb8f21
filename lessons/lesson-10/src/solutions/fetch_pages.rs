//! Exercise 10.1, the reference answer: `limit` fetches at a time, each result put back in its
//! url's place.

use futures::stream::{self, StreamExt};

use crate::{Client, FetchError, Page, Url, fetch_page};

/// Exercise 10.1: `buffer_unordered(limit)` polls at most `limit` fetches at once and starts
/// the next as soon as any one is done; each output carries its url's index, so the results
/// are put back in the order of `urls`. Each is that url's own `Result`: a 404 or a timeout
/// stops nothing else.
pub async fn fetch_pages(
    client: &Client,
    urls: &[Url],
    limit: usize,
) -> Vec<Result<Page, FetchError>> {
    // ANCHOR: fetch_pages
    let mut results: Vec<(usize, Result<Page, FetchError>)> = stream::iter(urls.iter().enumerate())
        .map(|(index, url)| async move { (index, fetch_page(client, url).await) })
        .buffer_unordered(limit)
        .collect()
        .await;
    results.sort_by_key(|(index, _)| *index);
    results.into_iter().map(|(_, result)| result).collect()
    // ANCHOR_END: fetch_pages
}
