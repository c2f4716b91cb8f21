// WRONG [order]: the pages are collected from a channel as the downloads finish, not in the order of the urls. => "order of the urls"
// The reference answer (src/solutions/download_all_threads.rs) with the mistake written in:
// REPLACE
//! Exercise 1.1, the reference answer: one scoped thread per url; pages in input order.

use std::thread;
// WITH
//! Exercise 1.1: one scoped thread per url; pages in input order.

use std::sync::mpsc;
use std::thread;
// END
// REPLACE
pub fn download_all_threads(urls: &[Url]) -> Vec<Page> {
// WITH
pub fn download_all_threads(urls: &[Url]) -> Vec<Page> {
    let (sender, receiver) = mpsc::channel();
// END
// REPLACE
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
// WITH
        for url in urls {
            let sender = sender.clone();
            scope.spawn(move || sender.send(download(url)).expect("the receiver waits"));
        }
    });
    drop(sender);
    // Deliberately wrong: the channel hands pages over in the order they were sent, which is
    // the order the downloads finished.
    receiver.into_iter().collect()
// END
