// WRONG [lock-held]: every thread holds one shared lock for its whole download, so the downloads take turns. => "but at most 1 did"
// The reference answer (src/solutions/download_all_threads.rs) with the mistake written in:
// REPLACE
//! Exercise 1.1, the reference answer: one scoped thread per url; pages in input order.

use std::thread;
// WITH
//! Exercise 1.1: one scoped thread per url; pages in input order.

use std::sync::Mutex;
use std::thread;
// END
// REPLACE
pub fn download_all_threads(urls: &[Url]) -> Vec<Page> {
// WITH
pub fn download_all_threads(urls: &[Url]) -> Vec<Page> {
    let network = Mutex::new(());
// END
// REPLACE
        // Spawn them all first: joining inside this loop would wait for each download before
        // starting the next, which is sequential again.
// WITH
// END
// REPLACE
            .map(|url| scope.spawn(move || download(url)))
// WITH
            .map(|url| {
                let network = &network;
                scope.spawn(move || {
                    // Deliberately wrong: the guard lives until the download is done, so the
                    // threads run at once but download one at a time.
                    let _turn = network.lock().expect("no thread panicked holding the lock");
                    download(url)
                })
            })
// END
// REPLACE
        // Joining in the order of spawning keeps the pages in the order of the urls, whatever
        // order the downloads finish in.
// WITH
// END
