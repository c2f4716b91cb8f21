// WRONG [batches]: the semaphore is made with `limit - 1` permits, so one slot always stays empty. => "expected 3 downloads in flight at once, but at most 2 were"
// The reference answer (src/solutions/fetch_all_limited.rs) with the mistake written in:
// REPLACE
//! Exercise 8.2, the reference answer: a semaphore of `limit` permits.
// WITH
//! Exercise 8.2: a semaphore of `limit` permits.
// END
// REPLACE
    let permits = Arc::new(Semaphore::new(limit));
// WITH
    // Deliberately wrong: an off-by-one.
    let permits = Arc::new(Semaphore::new(limit - 1));
// END
// REPLACE
            // Waits (yielding) until a permit is free; tokio's semaphore is fair, so the
            // tasks get permits in the order they asked.
// WITH
// END
// REPLACE
            // `_permit` is dropped here, after the download: the next task may start.
// WITH
// END
