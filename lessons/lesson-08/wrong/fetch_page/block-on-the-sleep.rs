// WRONG [blocking-async]: the async sleep is driven with `futures::executor::block_on`, which holds the thread the sleep's timer needs. => "blocked the runtime's thread"
//! Exercise 8.3: the wait yields to the runtime.

use crate::{Page, Url};

/// Exercise 8.3: the wait yields to the runtime instead of blocking its thread.
pub async fn fetch_page(url: &Url) -> Page {
    let page = url.page();
    // Deliberately wrong: `block_on` waits on this thread, so the runtime that would fire
    // the timer never runs.
    futures::executor::block_on(tokio::time::sleep(url.latency()));
    page
}
