// WRONG [blocking-async]: each download first yields, then waits with a blocking `std::thread::sleep` of 1 s before downloading. => "blocked the runtime's thread"
// The reference answer (src/solutions/download_all_async.rs) with the mistake written in:
// REPLACE
//! Exercise 1.2, the reference answer: every download future polled together.
// WITH
//! Exercise 1.2: every download future polled together.

use std::time::Duration;
// END
// REPLACE
    futures::future::join_all(urls.iter().map(download_async)).await
// WITH
    futures::future::join_all(urls.iter().map(|url| async move {
        tokio::task::yield_now().await;
        // Deliberately wrong: a polite pause, but `std::thread::sleep` blocks the thread (on
        // tokio's paused clock it even takes no simulated time, so the spans still overlap).
        std::thread::sleep(Duration::from_secs(1));
        download_async(url).await
    }))
    .await
// END
