// WRONG [result]: the wait between attempts stays at `policy.backoff` instead of doubling. => "should double"
// The reference answer (src/solutions/fetch_with_retries.rs) with the mistake written in:
// REPLACE
//! Exercise 13.2, the reference answer: a timeout per attempt, retries with backoff, all under
//! one deadline.
// WITH
//! Exercise 13.2: a timeout per attempt, retries with backoff, all under one deadline.
// END
// REPLACE
        let mut wait = policy.backoff;
// WITH
        let wait = policy.backoff;
// END
// REPLACE
            sleep(wait).await;
            wait *= 2;
// WITH
            // Deliberately wrong: a constant wait, not an exponential backoff.
            sleep(wait).await;
// END
