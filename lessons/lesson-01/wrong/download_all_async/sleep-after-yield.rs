// WRONG [blocking-async]: each download first yields, then waits with a blocking `std::thread::sleep` of 1 s before downloading. => "blocked the runtime's thread"
//! Exercise 1.2: every download future polled together.

use std::time::Duration;

use crate::download_async;
use crate::{Page, Url};

/// Exercise 1.2: every download future polled together; `join_all` keeps their order.
pub async fn download_all_async(urls: &[Url]) -> Vec<Page> {
    futures::future::join_all(urls.iter().map(|url| async move {
        tokio::task::yield_now().await;
        // Deliberately wrong: a polite pause, but `std::thread::sleep` blocks the thread (on
        // tokio's paused clock it even takes no simulated time, so the spans still overlap).
        std::thread::sleep(Duration::from_secs(1));
        download_async(url).await
    }))
    .await
}
