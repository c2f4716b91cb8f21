// WRONG [blocking-async]: each task waits with a blocking `std::thread::sleep` while it holds its permit. => "blocked the runtime's thread"
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
// END
// REPLACE
            (index, download_async(&url).await)
            // `_permit` is dropped here, after the download: the next task may start.
// WITH
            // Deliberately wrong: the wait for the network, done by blocking the thread.
            std::thread::sleep(url.latency());
            (index, url.page())
// END
