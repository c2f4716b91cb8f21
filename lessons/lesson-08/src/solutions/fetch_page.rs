//! Exercise 8.3, the reference answer: the wait yields to the runtime.

use crate::{Page, Url};

/// Exercise 8.3: the wait yields to the runtime instead of blocking its thread.
pub async fn fetch_page(url: &Url) -> Page {
    let page = url.page();
    tokio::time::sleep(url.latency()).await; // other tasks run while this one waits
    page
}
