//! Lesson 01 exercises: make the downloads concurrent.
//!
//! Check your answers with `cargo test -p lesson-01`. The checks want the pages in the order
//! of the urls *and* the downloads running at the same time: a sequential answer gets the
//! right pages and still fails.

use crate::{Page, Url};
#[allow(unused_imports)] // you will need these
use crate::{download, download_async};

/// Exercise 1.1: download every url on its own thread, at the same time, and return the pages
/// in the order of `urls`.
///
/// The urls are borrowed (`&[Url]`), so a plain `thread::spawn` (which needs `'static` data)
/// will not take them. Hint: `std::thread::scope` lets threads borrow, and joins them all
/// before it returns.
pub fn download_all_threads(urls: &[Url]) -> Vec<Page> {
    // TODO: spawn one scoped thread per url, each calling `download(url)`; then join the
    // handles in order and collect the pages.
    let _ = urls;
    todo!(
        "exercise 1.1 `download_all_threads` in lessons/lesson-01/src/exercises.rs: \
         download every url on its own scoped thread and return the pages in input order"
    )
}

/// Exercise 1.2: download every url concurrently on one async runtime, like
/// `await asyncio.gather(*(download_file(url) for url in urls))`, and return the pages in the
/// order of `urls`.
///
/// Hint: `download_async(url)` is a future that does nothing until awaited. Awaiting them one
/// by one in a loop is sequential again; `futures::future::join_all` polls them all together
/// and keeps their order.
pub async fn download_all_async(urls: &[Url]) -> Vec<Page> {
    // TODO: build one `download_async(url)` future per url and await them all together.
    let _ = urls;
    todo!(
        "exercise 1.2 `download_all_async` in lessons/lesson-01/src/exercises.rs: \
         await all the downloads together (join_all) and return the pages in input order"
    )
}
