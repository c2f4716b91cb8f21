// WRONG [order]: the pages are collected from a channel as the downloads finish, not in the order of the urls. => "order of the urls"
//! Exercise 1.1: one scoped thread per url; pages in input order.

use std::sync::mpsc;
use std::thread;

use crate::download;
use crate::{Page, Url};

/// Exercise 1.1: one scoped thread per url, all started before any is joined.
pub fn download_all_threads(urls: &[Url]) -> Vec<Page> {
    let (sender, receiver) = mpsc::channel();
    thread::scope(|scope| {
        for url in urls {
            let sender = sender.clone();
            scope.spawn(move || sender.send(download(url)).expect("the receiver waits"));
        }
    });
    drop(sender);
    // Deliberately wrong: the channel hands pages over in the order they were sent, which is
    // the order the downloads finished.
    receiver.into_iter().collect()
}
