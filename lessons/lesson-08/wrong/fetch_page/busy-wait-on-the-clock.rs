// WRONG [busy-wait]: the task loops on the clock, yielding, until its latency has passed, instead of sleeping. => "a loop around `yield_now`"
//! Exercise 8.3: the wait yields to the runtime.

use crate::{Page, Url};

/// Exercise 8.3: the wait yields to the runtime instead of blocking its thread.
pub async fn fetch_page(url: &Url) -> Page {
    let page = url.page();
    let deadline = tokio::time::Instant::now() + url.latency();
    // Deliberately wrong: busy waiting keeps the runtime running without ever sleeping; on a
    // test clock that only moves when every task sleeps, the deadline never comes.
    while tokio::time::Instant::now() < deadline {
        tokio::task::yield_now().await;
    }
    page
}
