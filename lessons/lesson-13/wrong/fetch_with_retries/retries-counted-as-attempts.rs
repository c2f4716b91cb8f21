// WRONG [result]: `policy.retries` is taken as the number of attempts in all, so one retry too few is made. => "attempts with retries"
// The reference answer (src/solutions/fetch_with_retries.rs) with the mistake written in:
// REPLACE
//! Exercise 13.2, the reference answer: a timeout per attempt, retries with backoff, all under
//! one deadline.
// WITH
//! Exercise 13.2: a timeout per attempt, retries with backoff, all under one deadline.
// END
// REPLACE
            if !error.kind.is_transient() || retries_left == 0 {
                return Err(error);
            }
            retries_left -= 1;
// WITH
            // Deliberately wrong: counts attempts, not retries after the first.
            retries_left = retries_left.saturating_sub(1);
            if !error.kind.is_transient() || retries_left == 0 {
                return Err(error);
            }
// END
