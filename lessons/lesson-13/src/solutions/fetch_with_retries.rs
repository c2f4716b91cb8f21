//! Exercise 13.2, the reference answer: a timeout per attempt, retries with backoff, all under
//! one deadline.

use tokio::time::{sleep, timeout};

use crate::{ErrorKind, FetchError, Flaky, Page, RetryPolicy, attempt};

/// Exercise 13.2: asks `server` for its page, retrying transient errors with a doubling
/// backoff, each attempt within `policy.timeout`, the whole call within `policy.deadline`.
pub async fn fetch_with_retries(server: &Flaky, policy: RetryPolicy) -> Result<Page, FetchError> {
    let tries = async {
        let mut wait = policy.backoff;
        let mut retries_left = policy.retries;
        loop {
            // Each attempt has its own time limit: `timeout` drops (cancels) the attempt when
            // it passes, and says so with `Err(Elapsed)`.
            let error = match timeout(policy.timeout, attempt(server)).await {
                Ok(Ok(page)) => return Ok(page),
                Ok(Err(error)) => error,
                Err(_elapsed) => FetchError::new(server.address(), ErrorKind::TimedOut),
            };
            // A 404 stays a 404: only a transient error is worth another try.
            if !error.kind.is_transient() || retries_left == 0 {
                return Err(error);
            }
            retries_left -= 1;
            // Back off before retrying, so a busy server gets room to recover; `sleep` yields
            // the thread to other tasks meanwhile (a `std::thread::sleep` would hold it).
            sleep(wait).await;
            wait *= 2;
        }
    };
    // The deadline covers everything, attempts and waits: when it passes, the attempt or wait
    // in progress is dropped with the rest of `tries`.
    timeout(policy.deadline, tries)
        .await
        .unwrap_or_else(|_elapsed| {
            Err(FetchError::new(
                server.address(),
                ErrorKind::DeadlineExceeded,
            ))
        })
}
