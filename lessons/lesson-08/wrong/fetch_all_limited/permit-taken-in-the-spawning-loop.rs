// WRONG [unbounded]: the permit is acquired in the spawning loop and dropped at the end of the loop body, before the task downloads. => "with limit 3, but 10 downloads"
// The reference answer (src/solutions/fetch_all_limited.rs) with the mistake written in:
// REPLACE
//! Exercise 8.2, the reference answer: a semaphore of `limit` permits.
// WITH
//! Exercise 8.2: a semaphore of `limit` permits.
// END
// REPLACE
        let permits = Arc::clone(&permits);
        tasks.spawn(async move {
            // Waits (yielding) until a permit is free; tokio's semaphore is fair, so the
            // tasks get permits in the order they asked.
            let _permit = permits
                .acquire_owned()
                .await
                .expect("the semaphore is never closed");
            (index, download_async(&url).await)
            // `_permit` is dropped here, after the download: the next task may start.
        });
// WITH
        // Deliberately wrong: this permit belongs to the loop body, not to the task: it is
        // given back as soon as the task is spawned.
        let _permit = permits
            .acquire()
            .await
            .expect("the semaphore is never closed");
        tasks.spawn(async move { (index, download_async(&url).await) });
// END
