//! Exercise 1.1: download every url on its own thread, all at the same time.

#[allow(unused_imports)] // you will need it
use crate::download;
use crate::{Page, Url};

/// Exercise 1.1: download every url on its own thread, all of them at the same time, and
/// return the pages in the order of `urls`.
///
/// The urls are borrowed (`&[Url]`), so a plain `thread::spawn` (which needs `'static` data)
/// will not take them. Hint: `std::thread::scope` lets threads borrow, and joins them all
/// before it returns. Every url gets its own thread at once: not one after another, not two at
/// a time.
pub fn download_all_threads(urls: &[Url]) -> Vec<Page> {
    // TODO: spawn one scoped thread per url, each calling `download(url)`; then join the
    // handles in order and collect the pages.
    let _ = urls;
    todo!(
        "exercise 1.1 `download_all_threads` (lessons/lesson-01/src/exercises/download_all_threads.rs): \
         download every url on its own scoped thread and return the pages in input order"
    )
}
