// WRONG [sequential]: the futures are all built first, as with create_task, then awaited one by one; futures do nothing until polled, so it is sequential. => "but at most 1 did"
// The reference answer (src/solutions/download_all_async.rs) with the mistake written in:
// REPLACE
//! Exercise 1.2, the reference answer: every download future polled together.
// WITH
//! Exercise 1.2: every download future polled together.
// END
// REPLACE
    futures::future::join_all(urls.iter().map(download_async)).await
// WITH
    let downloads: Vec<_> = urls.iter().map(download_async).collect();
    let mut pages = Vec::with_capacity(downloads.len());
    // Deliberately wrong: unlike asyncio.create_task, building a future starts nothing; each
    // one starts only when this loop awaits it.
    for download in downloads {
        pages.push(download.await);
    }
    pages
// END
