// WRONG [unbounded]: `let _ = ...` drops the permit as soon as it is acquired, so nothing is held during the download. => "with limit 3, but 10 downloads"
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
            // Deliberately wrong: `let _ =` binds nothing: the permit is dropped right here.
            let _ = permits
// END
// REPLACE
            // `_permit` is dropped here, after the download: the next task may start.
// WITH
// END
