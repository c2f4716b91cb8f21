//! Exercise 13.1: fetch many pages, fail fast, and stop every other fetch.

#[allow(unused_imports)] // you will need it
use crate::fetch;
use crate::{FetchError, Link, Page};

/// Exercise 13.1: fetch every link at once, like `asyncio.gather`, and return the pages in the
/// order of `links`. But if a fetch fails, return the *first error to happen* as soon as it
/// happens, and stop every other fetch right then: nothing may go on running after
/// `fetch_all_fail_fast` has returned.
///
/// Hint: spawn every fetch on a `tokio::task::JoinSet` (tag each with its index), and take the
/// results with `join_next().await` as they finish. On the first `Err`, return it: dropping
/// the JoinSet aborts every task still in it. (A dropped `JoinHandle` does not: that task runs
/// on, detached.)
pub async fn fetch_all_fail_fast(links: Vec<Link>) -> Result<Vec<Page>, FetchError> {
    // TODO: spawn one task per link on a JoinSet; collect pages by index; on the first error,
    // return it (and let the JoinSet's drop stop the rest).
    let _ = links;
    todo!(
        "exercise 13.1 `fetch_all_fail_fast` (lessons/lesson-13/src/exercises/fetch_all_fail_fast.rs): fetch every \
         link at once, and on the first error return it and stop the other fetches"
    )
}
