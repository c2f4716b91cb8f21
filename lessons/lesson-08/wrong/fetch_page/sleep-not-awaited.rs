// WRONG [result]: `tokio::time::sleep` is called but never awaited, so the future is dropped and nothing waits. => "the wait is gone"
// The reference answer (src/solutions/fetch_page.rs) with the mistake written in:
// REPLACE
//! Exercise 8.3, the reference answer: the wait yields to the runtime.
// WITH
//! Exercise 8.3: the wait yields to the runtime.
// END
// REPLACE
    tokio::time::sleep(url.latency()).await; // other tasks run while this one waits
// WITH
    // Deliberately wrong: a future does nothing until awaited; this one is dropped at once.
    let _ = tokio::time::sleep(url.latency());
// END
