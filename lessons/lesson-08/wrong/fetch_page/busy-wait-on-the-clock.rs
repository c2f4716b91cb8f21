// WRONG [busy-wait]: the task loops on the clock, yielding, until its latency has passed, instead of sleeping. => "a loop around `yield_now`"
// The reference answer (src/solutions/fetch_page.rs) with the mistake written in:
// REPLACE
//! Exercise 8.3, the reference answer: the wait yields to the runtime.
// WITH
//! Exercise 8.3: the wait yields to the runtime.
// END
// REPLACE
    tokio::time::sleep(url.latency()).await; // other tasks run while this one waits
// WITH
    let deadline = tokio::time::Instant::now() + url.latency();
    // Deliberately wrong: busy waiting keeps the runtime running without ever sleeping; on a
    // test clock that only moves when every task sleeps, the deadline never comes.
    while tokio::time::Instant::now() < deadline {
        tokio::task::yield_now().await;
    }
// END
