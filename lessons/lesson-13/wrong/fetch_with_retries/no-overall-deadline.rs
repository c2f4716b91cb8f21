// WRONG [unbounded]: the deadline is ignored: retries and waits go on past it. => "The deadline covers the whole call"
// The reference answer (src/solutions/fetch_with_retries.rs) with the mistake written in:
// REPLACE
//! Exercise 13.2, the reference answer: a timeout per attempt, retries with backoff, all under
//! one deadline.
// WITH
//! Exercise 13.2: a timeout per attempt, retries with backoff, all under one deadline.
// END
// REPLACE
    timeout(policy.deadline, tries)
        .await
        .unwrap_or_else(|_elapsed| {
            Err(FetchError::new(
                server.address(),
                ErrorKind::DeadlineExceeded,
            ))
        })
// WITH
    // Deliberately wrong: no deadline around the whole.
    tries.await
// END
