//! Exercise 8.2: download concurrently, never more than `limit` at once.

#[allow(unused_imports)] // you will need it
use crate::download_async;
use crate::{Page, Url};

/// Exercise 8.2: like `gather`, but with never more than `limit` downloads in flight at once
/// (a polite crawler; `limit` is at least 1). Pages in the order of `urls`. As soon as one
/// download finishes, the next may start.
///
/// Hint: `Arc<tokio::sync::Semaphore>` with `limit` permits, like `asyncio.Semaphore(limit)`.
/// Each task takes a permit with `semaphore.clone().acquire_owned().await` *before* it
/// downloads and keeps it (in a variable) until the download is done; dropping the permit
/// gives it back.
pub async fn fetch_all_limited(urls: Vec<Url>, limit: usize) -> Vec<Page> {
    // TODO: spawn one task per url; inside each, hold a semaphore permit while downloading.
    let _ = (urls, limit);
    todo!(
        "exercise 8.2 `fetch_all_limited` (lessons/lesson-08/src/exercises/fetch_all_limited.rs): \
         download concurrently with a Semaphore of `limit` permits, pages in input order"
    )
}
