// WRONG [result]: every error is retried, a 404 too, though asking again cannot help. => "permanent error"
// The reference answer (src/solutions/fetch_with_retries.rs) with the mistake written in:
// REPLACE
//! Exercise 13.2, the reference answer: a timeout per attempt, retries with backoff, all under
//! one deadline.
// WITH
//! Exercise 13.2: a timeout per attempt, retries with backoff, all under one deadline.
// END
// REPLACE
            if !error.kind.is_transient() || retries_left == 0 {
// WITH
            // Deliberately wrong: a 404 is retried like a 503.
            if retries_left == 0 {
// END
