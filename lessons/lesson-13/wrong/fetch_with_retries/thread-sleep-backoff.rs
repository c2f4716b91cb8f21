// WRONG [blocking-async]: the backoff waits with `std::thread::sleep`, which holds the runtime's thread (and does not move tokio's clock). => "blocked the runtime's thread"
// The reference answer (src/solutions/fetch_with_retries.rs) with the mistake written in:
// REPLACE
//! Exercise 13.2, the reference answer: a timeout per attempt, retries with backoff, all under
//! one deadline.
// WITH
//! Exercise 13.2: a timeout per attempt, retries with backoff, all under one deadline.
// END
// REPLACE
use tokio::time::{sleep, timeout};
// WITH
use tokio::time::timeout;
// END
// REPLACE
            sleep(wait).await;
// WITH
            // Deliberately wrong: the thread sleeps, and every task on it with it.
            std::thread::sleep(wait);
// END
