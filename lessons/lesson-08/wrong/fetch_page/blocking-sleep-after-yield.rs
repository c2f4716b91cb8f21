// WRONG [blocking-async]: the task yields once, then waits with a blocking `std::thread::sleep`, which still holds the runtime's thread. => "blocked the runtime's thread"
//! Exercise 8.3: the wait yields to the runtime.

use crate::{Page, Url};

/// Exercise 8.3: the wait yields to the runtime instead of blocking its thread.
pub async fn fetch_page(url: &Url) -> Page {
    let page = url.page();
    tokio::task::yield_now().await;
    // Deliberately wrong: an `.await` before it does not make the blocking sleep async.
    std::thread::sleep(url.latency());
    page
}
