// WRONG [hardcoded]: every fetch waits a fixed 500 ms instead of its url's latency. => "not a fixed time"
// The reference answer (src/solutions/fetch_page.rs) with the mistake written in:
// REPLACE
//! Exercise 8.3, the reference answer: the wait yields to the runtime.
// WITH
//! Exercise 8.3: the wait yields to the runtime.

use std::time::Duration;
// END
// REPLACE
    tokio::time::sleep(url.latency()).await; // other tasks run while this one waits
// WITH
    // Deliberately wrong: 500 ms is one url's latency, not every url's.
    tokio::time::sleep(Duration::from_millis(500)).await;
// END
