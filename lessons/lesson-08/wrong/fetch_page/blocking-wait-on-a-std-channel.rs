// WRONG [blocking-async]: the wait is a std channel's `recv_timeout`, a blocking call in disguise that holds the runtime's thread. => "blocked the runtime's thread"
// The reference answer (src/solutions/fetch_page.rs) with the mistake written in:
// REPLACE
//! Exercise 8.3, the reference answer: the wait yields to the runtime.
// WITH
//! Exercise 8.3: the wait yields to the runtime.

use std::sync::mpsc;
// END
// REPLACE
    tokio::time::sleep(url.latency()).await; // other tasks run while this one waits
// WITH
    let (_sender, receiver) = mpsc::channel::<()>();
    // Deliberately wrong: std's channels block the calling thread while they wait.
    let _ = receiver.recv_timeout(url.latency());
// END
