// WRONG [hardcoded]: the doubling backoff capped at a second of the answer's own, as tenacity's `wait_exponential(max=1)` would: with a backoff of 2 s every wait is 1 s. => "each wait should double"
// The reference answer (src/solutions/fetch_with_retries.rs) with the mistake written in:
// REPLACE
//! Exercise 13.2, the reference answer: a timeout per attempt, retries with backoff, all under
//! one deadline.
// WITH
//! Exercise 13.2: a timeout per attempt, retries with a capped backoff, under one deadline.
// END
// REPLACE
            sleep(wait).await;
// WITH
            sleep(wait.min(std::time::Duration::from_secs(1))).await; // at most a second
// END
