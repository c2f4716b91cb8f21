// WRONG [blocking-async]: the task yields once, then waits with a blocking `std::thread::sleep`, which still holds the runtime's thread. => "blocked the runtime's thread"
// The reference answer (src/solutions/fetch_page.rs) with the mistake written in:
// REPLACE
//! Exercise 8.3, the reference answer: the wait yields to the runtime.
// WITH
//! Exercise 8.3: the wait yields to the runtime.
// END
// REPLACE
    tokio::time::sleep(url.latency()).await; // other tasks run while this one waits
// WITH
    tokio::task::yield_now().await;
    // Deliberately wrong: an `.await` before it does not make the blocking sleep async.
    std::thread::sleep(url.latency());
// END
