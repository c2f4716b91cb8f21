// WRONG [sequential]: one spawned thread downloads every url in turn: a thread, but no concurrency. => "but at most 1 did"
//! Exercise 1.1: one scoped thread per url; pages in input order.

use std::thread;

use crate::download;
use crate::{Page, Url};

/// Exercise 1.1: one scoped thread per url, all started before any is joined.
pub fn download_all_threads(urls: &[Url]) -> Vec<Page> {
    thread::scope(|scope| {
        // Deliberately wrong: one thread for all the urls runs them one after another.
        scope
            .spawn(|| urls.iter().map(download).collect())
            .join()
            .expect("the download thread panicked")
    })
}
