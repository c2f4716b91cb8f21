//! Exercise 10.1: fetch every url, at most `limit` requests in flight, results in input order.

#[allow(unused_imports)] // you will need them
use crate::fetch_page;
use crate::{Client, FetchError, Page, Url};

/// Exercise 10.1: fetches every url with [`fetch_page`](crate::fetch_page) and the shared
/// `client`, with never more than `limit` requests in flight at once (`limit` is at least 1),
/// and as soon as one answer is in, the next request starts. Result `i` is `urls[i]`'s: a 404
/// is a page with status 404, a timeout is that url's `Err`, and neither stops the others.
/// The timeout is the client's (it was made with one): add none of your own. A fetch that
/// waits for a slot waits on something that wakes it when one is free, not a loop that looks
/// again and again (busy waiting).
///
/// In Python: `asyncio.Semaphore(limit)` around each `session.get`, then `asyncio.gather`.
///
/// Hint: `futures::stream::iter(urls.iter().enumerate())` and `.map(|(index, url)| async move {
/// (index, fetch_page(client, url).await) })` make a stream of fetches that remember their
/// place; `.buffer_unordered(limit)` runs `limit` of them at once, starting the next as soon as
/// any one is done; `.collect::<Vec<_>>().await` gathers them as they finish; sort by index.
pub async fn fetch_pages(
    client: &Client,
    urls: &[Url],
    limit: usize,
) -> Vec<Result<Page, FetchError>> {
    // TODO: a stream of fetches, `limit` at a time, collected in input order.
    let _ = (client, urls, limit);
    todo!(
        "exercise 10.1 `fetch_pages` (lessons/lesson-10/src/exercises/fetch_pages.rs): fetch every \
         url, at most `limit` at once, results in input order"
    )
}
