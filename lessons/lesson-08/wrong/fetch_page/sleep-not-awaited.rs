// WRONG [result]: `tokio::time::sleep` is called but never awaited, so the future is dropped and nothing waits. => "the wait is gone"
//! Exercise 8.3: the wait yields to the runtime.

use crate::{Page, Url};

/// Exercise 8.3: the wait yields to the runtime instead of blocking its thread.
pub async fn fetch_page(url: &Url) -> Page {
    let page = url.page();
    // Deliberately wrong: a future does nothing until awaited; this one is dropped at once.
    let _ = tokio::time::sleep(url.latency());
    page
}
