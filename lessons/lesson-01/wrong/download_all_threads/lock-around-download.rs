// WRONG [lock-held]: every thread holds one shared lock for its whole download, so the downloads take turns. => "but at most 1 did"
//! Exercise 1.1: one scoped thread per url; pages in input order.

use std::sync::Mutex;
use std::thread;

use crate::download;
use crate::{Page, Url};

/// Exercise 1.1: one scoped thread per url, all started before any is joined.
pub fn download_all_threads(urls: &[Url]) -> Vec<Page> {
    let network = Mutex::new(());
    thread::scope(|scope| {
        let handles: Vec<_> = urls
            .iter()
            .map(|url| {
                let network = &network;
                scope.spawn(move || {
                    // Deliberately wrong: the guard lives until the download is done, so the
                    // threads run at once but download one at a time.
                    let _turn = network.lock().expect("no thread panicked holding the lock");
                    download(url)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a download thread panicked"))
            .collect()
    })
}
