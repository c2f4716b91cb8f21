// WRONG [blocking-async]: the async sleep is driven with `futures::executor::block_on`, which holds the thread the sleep's timer needs. => "blocked the runtime's thread"
// The reference answer (src/solutions/fetch_page.rs) with the mistake written in:
// REPLACE
//! Exercise 8.3, the reference answer: the wait yields to the runtime.
// WITH
//! Exercise 8.3: the wait yields to the runtime.
// END
// REPLACE
    tokio::time::sleep(url.latency()).await; // other tasks run while this one waits
// WITH
    // Deliberately wrong: `block_on` waits on this thread, so the runtime that would fire
    // the timer never runs.
    futures::executor::block_on(tokio::time::sleep(url.latency()));
// END
