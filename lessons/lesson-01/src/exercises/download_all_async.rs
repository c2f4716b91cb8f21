//! Exercise 1.2: download every url concurrently on one async runtime.

#[allow(unused_imports)] // you will need it
use crate::download_async;
use crate::{Page, Url};

/// Exercise 1.2: download every url concurrently on one async runtime, like
/// `await asyncio.gather(*(download_file(url) for url in urls))`, and return the pages in the
/// order of `urls`.
///
/// Hint: `download_async(url)` is a future that does nothing until awaited. Awaiting them one
/// by one in a loop is sequential again; `futures::future::join_all` polls them all together
/// and keeps their order. Never wait by blocking (`download`, `std::thread::sleep`): that
/// holds the runtime's thread, and no other download can make progress.
pub async fn download_all_async(urls: &[Url]) -> Vec<Page> {
    // TODO: build one `download_async(url)` future per url and await them all together.
    let _ = urls;
    todo!(
        "exercise 1.2 `download_all_async` (lessons/lesson-01/src/exercises/download_all_async.rs): \
         await all the downloads together (join_all) and return the pages in input order"
    )
}
