// WRONG [sequential]: each thread is joined in the loop that spawns it, so each download waits for the one before. => "but at most 1 did"
//! Exercise 1.1: one scoped thread per url; pages in input order.

use std::thread;

use crate::download;
use crate::{Page, Url};

/// Exercise 1.1: one scoped thread per url, all started before any is joined.
pub fn download_all_threads(urls: &[Url]) -> Vec<Page> {
    thread::scope(|scope| {
        // Deliberately wrong: joining right after spawning waits for this download to finish
        // before the next thread is even started.
        urls.iter()
            .map(|url| {
                scope
                    .spawn(move || download(url))
                    .join()
                    .expect("a download thread panicked")
            })
            .collect()
    })
}
