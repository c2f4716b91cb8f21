// WRONG [hardcoded]: the semaphore has three permits, whatever `limit` says. => "with limit 1, but 3 downloads"
// The reference answer (src/solutions/fetch_all_limited.rs) with the mistake written in:
// REPLACE
//! Exercise 8.2, the reference answer: a semaphore of `limit` permits.
// WITH
//! Exercise 8.2: a semaphore of `limit` permits.
// END
// REPLACE
    let permits = Arc::new(Semaphore::new(limit));
// WITH
    // Deliberately wrong: 3 is the limit in the example, not the parameter.
    let _ = limit;
    let permits = Arc::new(Semaphore::new(3));
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
