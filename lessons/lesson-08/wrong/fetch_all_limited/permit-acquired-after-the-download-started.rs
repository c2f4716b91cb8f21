// WRONG [unbounded]: the download is spawned as its own task before the permit is acquired, so every download is already running. => "with limit 3, but 10 downloads"
// The reference answer (src/solutions/fetch_all_limited.rs) with the mistake written in:
// REPLACE
//! Exercise 8.2, the reference answer: a semaphore of `limit` permits.
// WITH
//! Exercise 8.2: a semaphore of `limit` permits.
// END
// REPLACE
            // Waits (yielding) until a permit is free; tokio's semaphore is fair, so the
            // tasks get permits in the order they asked.
// WITH
            // Deliberately wrong: a spawned task starts at once; the permit taken after it
            // limits nothing.
            let download = tokio::spawn(async move { download_async(&url).await });
// END
// REPLACE
            (index, download_async(&url).await)
            // `_permit` is dropped here, after the download: the next task may start.
// WITH
            (index, download.await.expect("the download panicked"))
// END
