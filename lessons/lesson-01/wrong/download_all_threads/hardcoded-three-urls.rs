// WRONG [hardcoded]: only the first three urls are downloaded, as in the chapter's example, not every url given. => "pages came back"
//! Exercise 1.1: one scoped thread per url; pages in input order.

use std::thread;

use crate::download;
use crate::{Page, Url};

/// Exercise 1.1: one scoped thread per url, all started before any is joined.
pub fn download_all_threads(urls: &[Url]) -> Vec<Page> {
    thread::scope(|scope| {
        // Deliberately wrong: three threads, as in the chapter's example with three files.
        let handles: Vec<_> = urls
            .iter()
            .take(3)
            .map(|url| scope.spawn(move || download(url)))
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a download thread panicked"))
            .collect()
    })
}
