//! Exercise 13.2: deadlines and retries.

#[allow(unused_imports)] // you will need them
use crate::{ErrorKind, attempt};
use crate::{FetchError, Flaky, Page, RetryPolicy};

/// Exercise 13.2: ask `server` for its page with `attempt(server).await`, and:
///
/// - give each attempt `policy.timeout`: an attempt with no answer by then is cancelled and
///   counts as `ErrorKind::TimedOut`;
/// - retry a *transient* error (`error.kind.is_transient()`: 503 or a timeout) up to
///   `policy.retries` times, waiting `policy.backoff` before the first retry and twice the
///   previous wait before each later one (300 ms, 600 ms, 1200 ms, ...); a permanent error
///   (404) is returned at once;
/// - end the whole call, attempts and waits, by `policy.deadline`: when it passes (not
///   before), return `ErrorKind::DeadlineExceeded`.
///
/// When the retries run out, return the last attempt's error.
///
/// Hint: `tokio::time::timeout(limit, future).await` is `Err(Elapsed)` when the limit passed
/// first (and the future has been dropped, so cancelled). Use it twice: around each attempt,
/// and around the whole loop. Wait with `tokio::time::sleep(..).await`.
pub async fn fetch_with_retries(server: &Flaky, policy: RetryPolicy) -> Result<Page, FetchError> {
    // TODO: a loop of attempts, each under `timeout(policy.timeout, ..)`, sleeping a doubling
    // backoff between them, the whole loop under `timeout(policy.deadline, ..)`.
    let _ = (server, policy);
    todo!(
        "exercise 13.2 `fetch_with_retries` (lessons/lesson-13/src/exercises/\
         fetch_with_retries.rs): retry transient errors with backoff, a timeout per attempt, \
         all within the deadline"
    )
}
