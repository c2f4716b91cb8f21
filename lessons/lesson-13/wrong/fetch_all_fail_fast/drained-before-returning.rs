// WRONG [cancellation]: on the first error the loop breaks, then "cleans up" by awaiting every task left in the JoinSet, so the error comes back only when the slowest fetch is done. => "waited for the other fetches"
// The reference answer (src/solutions/fetch_all_fail_fast.rs) with the mistake written in:
// REPLACE
//! Exercise 13.1, the reference answer: fail fast, and stop every other fetch.
// WITH
//! Exercise 13.1: fail fast, and stop every other fetch.
// END
// REPLACE
        // `?` returns at once. Returning drops `tasks`, and dropping a JoinSet aborts every
        // task still in it: the other fetches stop now, not when they would have finished.
        pages[index] = Some(result?);
    }
// WITH
        match result {
            Ok(page) => pages[index] = Some(page),
            Err(error) => {
                // Deliberately wrong: waiting for the others to finish before returning.
                while tasks.join_next().await.is_some() {}
                return Err(error);
            }
        }
    }
// END
