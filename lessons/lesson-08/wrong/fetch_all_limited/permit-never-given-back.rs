// WRONG [leak]: each permit is forgotten instead of dropped, so after `limit` downloads the other tasks wait forever. => "never finished"
// The reference answer (src/solutions/fetch_all_limited.rs) with the mistake written in:
// REPLACE
//! Exercise 8.2, the reference answer: a semaphore of `limit` permits.
// WITH
//! Exercise 8.2: a semaphore of `limit` permits.
// END
// REPLACE
            // Waits (yielding) until a permit is free; tokio's semaphore is fair, so the
            // tasks get permits in the order they asked.
            let _permit = permits
// WITH
            let permit = permits
// END
// REPLACE
            (index, download_async(&url).await)
            // `_permit` is dropped here, after the download: the next task may start.
// WITH
            let page = download_async(&url).await;
            // Deliberately wrong: `forget` keeps the permit out of the semaphore for good.
            permit.forget();
            (index, page)
// END
