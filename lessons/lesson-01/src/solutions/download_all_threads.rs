//! Lesson 01 reference answers (built with `--features solutions`).

use std::thread;

use crate::{Page, Url};
use crate::{download, download_async};

/// Exercise 1.1: one scoped thread per url; pages in input order.
pub fn download_all_threads(urls: &[Url]) -> Vec<Page> {
    thread::scope(|scope| {
        // Spawn them all first: joining inside this loop would wait for each download before
        // starting the next, which is sequential again.
        let handles: Vec<_> = urls
            .iter()
            .map(|url| scope.spawn(move || download(url)))
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a download thread panicked"))
            .collect()
    })
}

/// Exercise 1.2: every download future polled together; `join_all` keeps their order.
pub async fn download_all_async(urls: &[Url]) -> Vec<Page> {
    futures::future::join_all(urls.iter().map(download_async)).await
}
