// WRONG [result]: a transient error is retried at once, with no wait in between, hammering a server that is already busy. => "without waiting"
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
        let mut wait = policy.backoff;
        let mut retries_left = policy.retries;
// WITH
        let mut retries_left = policy.retries;
// END
// REPLACE
            retries_left -= 1;
            // Back off before retrying, so a busy server gets room to recover; `sleep` yields
            // the thread to other tasks meanwhile (a `std::thread::sleep` would hold it).
            sleep(wait).await;
            wait *= 2;
// WITH
            // Deliberately wrong: straight back to the server.
            retries_left -= 1;
// END
