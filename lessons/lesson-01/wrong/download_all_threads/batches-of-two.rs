// WRONG [batches]: threads are started two at a time, so only two downloads ever overlap. => "but at most 2 did"
//! Exercise 1.1: one scoped thread per url; pages in input order.

use std::thread;

use crate::download;
use crate::{Page, Url};

/// Exercise 1.1: one scoped thread per url, all started before any is joined.
pub fn download_all_threads(urls: &[Url]) -> Vec<Page> {
    let mut pages = Vec::with_capacity(urls.len());
    // Deliberately wrong: one scope per pair of urls; each scope joins its two threads before
    // the next pair starts, so the other downloads wait.
    for pair in urls.chunks(2) {
        thread::scope(|scope| {
            let handles: Vec<_> = pair
                .iter()
                .map(|url| scope.spawn(move || download(url)))
                .collect();
            pages.extend(
                handles
                    .into_iter()
                    .map(|handle| handle.join().expect("a download thread panicked")),
            );
        });
    }
    pages
}
