//! Lesson 08 exercises: gather with a `JoinSet`, limit how many run at once, and find the call
//! that blocks an async runtime.
//!
//! Check your answers with `cargo test -p lesson-08`. The checks read the recorded downloads:
//! the right pages are not enough, the downloads must also overlap (and, in 8.2, never more
//! than `limit` at once).

use crate::{Page, Url};
#[allow(unused_imports)] // you will need these
use crate::{download_async, work};

/// Exercise 8.1: download every url as its own task, all at once, like
/// `await asyncio.gather(*(download(url) for url in urls))`, and return the pages in the order
/// of `urls` (not the order they finish).
///
/// Hint: `tokio::task::JoinSet::new()`, then `set.spawn(async move { ... })` per url (tag each
/// result with its index, since `join_next()` hands results back as they finish), and put each
/// page in its slot: a `Vec<Option<Page>>` of the right length works.
pub async fn gather(urls: Vec<Url>) -> Vec<Page> {
    // TODO: spawn one task per url on a JoinSet, each returning (index, page); collect them
    // with `join_next().await` and sort them back into the order of the urls.
    let _ = urls;
    todo!(
        "exercise 8.1 `gather` in lessons/lesson-08/src/exercises.rs: spawn every download on \
         a JoinSet and return the pages in input order"
    )
}

/// Exercise 8.2: like `gather`, but with never more than `limit` downloads in flight at once
/// (a polite crawler; `limit` is at least 1). Pages in the order of `urls`. As soon as one
/// download finishes, the next may start.
///
/// Hint: `Arc<tokio::sync::Semaphore>` with `limit` permits, like `asyncio.Semaphore(limit)`.
/// Each task takes a permit with `semaphore.clone().acquire_owned().await` *before* it
/// downloads and keeps it (in a variable) until the download is done; dropping the permit
/// gives it back.
pub async fn fetch_all_limited(urls: Vec<Url>, limit: usize) -> Vec<Page> {
    // TODO: spawn one task per url; inside each, hold a semaphore permit while downloading.
    let _ = (urls, limit);
    todo!(
        "exercise 8.2 `fetch_all_limited` in lessons/lesson-08/src/exercises.rs: download \
         concurrently with a Semaphore of `limit` permits, pages in input order"
    )
}

/// Exercise 8.3: this download is *deliberately wrong*, and its check fails as shipped. It is
/// an `async fn`, and the checks run three of them as tasks on one thread (a current-thread
/// runtime, like asyncio's loop), yet they run one after another. Find the call that blocks
/// the thread and replace it with one that yields to the runtime while it waits. Keep the
/// wait: it stands for the network.
///
/// Hint: anything that waits without an `.await` holds the thread. `tokio::time::sleep`
/// is the async way to wait (`await asyncio.sleep`, not `time.sleep`).
pub async fn fetch_page(url: &Url) -> Page {
    // TODO: find and fix the blocking call below.
    let page = url.page();
    // Deliberately blocking (exercise 8.3): `std::thread::sleep` puts the runtime's only
    // thread to sleep, so no other task can be polled until it wakes.
    std::thread::sleep(url.latency());
    page
}
