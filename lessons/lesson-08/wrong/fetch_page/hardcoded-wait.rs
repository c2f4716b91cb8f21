// WRONG [hardcoded]: every fetch waits a fixed 500 ms instead of its url's latency. => "not a fixed time"
//! Exercise 8.3: the wait yields to the runtime.

use std::time::Duration;

use crate::{Page, Url};

/// Exercise 8.3: the wait yields to the runtime instead of blocking its thread.
pub async fn fetch_page(url: &Url) -> Page {
    let page = url.page();
    // Deliberately wrong: 500 ms is one url's latency, not every url's.
    tokio::time::sleep(Duration::from_millis(500)).await;
    page
}
