// WRONG [unbounded]: only the whole loop has a timeout (the deadline); a single attempt that never answers takes all of it, and no retry happens. => "needs its own timeout"
// The reference answer (src/solutions/fetch_with_retries.rs) with the mistake written in:
// REPLACE
//! Exercise 13.2, the reference answer: a timeout per attempt, retries with backoff, all under
//! one deadline.
// WITH
//! Exercise 13.2: a timeout per attempt, retries with backoff, all under one deadline.
// END
// REPLACE
            let error = match timeout(policy.timeout, attempt(server)).await {
                Ok(Ok(page)) => return Ok(page),
                Ok(Err(error)) => error,
                Err(_elapsed) => FetchError::new(server.address(), ErrorKind::TimedOut),
            };
// WITH
            // Deliberately wrong: no time limit on the attempt itself.
            let error = match attempt(server).await {
                Ok(page) => return Ok(page),
                Err(error) => error,
            };
// END
