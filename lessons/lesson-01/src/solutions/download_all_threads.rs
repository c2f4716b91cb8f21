//! Exercise 1.1, the reference answer: one scoped thread per url; pages in input order.

use std::thread;

use crate::download;
use crate::{Page, Url};

/// Exercise 1.1: one scoped thread per url, all started before any is joined.
pub fn download_all_threads(urls: &[Url]) -> Vec<Page> {
    thread::scope(|scope| {
        // Spawn them all first: joining inside this loop would wait for each download before
        // starting the next, which is sequential again.
        let handles: Vec<_> = urls
            .iter()
            .map(|url| scope.spawn(move || download(url)))
            .collect();
        // Joining in the order of spawning keeps the pages in the order of the urls, whatever
        // order the downloads finish in.
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a download thread panicked"))
            .collect()
    })
}
