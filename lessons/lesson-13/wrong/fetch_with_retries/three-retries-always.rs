// WRONG [hardcoded]: the number of retries is a constant 3, not `policy.retries`. => "attempts with retries"
// The reference answer (src/solutions/fetch_with_retries.rs) with the mistake written in:
// REPLACE
//! Exercise 13.2, the reference answer: a timeout per attempt, retries with backoff, all under
//! one deadline.
// WITH
//! Exercise 13.2: a timeout per attempt, retries with backoff, all under one deadline.
// END
// REPLACE
        let mut retries_left = policy.retries;
// WITH
        // Deliberately wrong: three retries, whatever the policy says.
        let mut retries_left = 3;
// END
