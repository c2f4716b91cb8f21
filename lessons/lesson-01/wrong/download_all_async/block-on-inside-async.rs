// WRONG [blocking-async]: each download is driven with `futures::executor::block_on` inside the async fn, which holds the thread the download's timer needs. => "blocked the runtime's thread"
// The reference answer (src/solutions/download_all_async.rs) with the mistake written in:
// REPLACE
//! Exercise 1.2, the reference answer: every download future polled together.
// WITH
//! Exercise 1.2: every download future polled together.
// END
// REPLACE
    futures::future::join_all(urls.iter().map(download_async)).await
// WITH
    // Deliberately wrong: `block_on` waits on this thread, and the tokio timer the download
    // waits for is driven by this same thread: it never fires.
    urls.iter()
        .map(|url| futures::executor::block_on(download_async(url)))
        .collect()
// END
