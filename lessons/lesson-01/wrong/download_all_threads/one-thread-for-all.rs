// WRONG [sequential]: one spawned thread downloads every url in turn: a thread, but no concurrency. => "but at most 1 did"
// The reference answer (src/solutions/download_all_threads.rs) with the mistake written in:
// REPLACE
//! Exercise 1.1, the reference answer: one scoped thread per url; pages in input order.
// WITH
//! Exercise 1.1: one scoped thread per url; pages in input order.
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
// WITH
        // Deliberately wrong: one thread for all the urls runs them one after another.
        scope
            .spawn(|| urls.iter().map(download).collect())
            .join()
            .expect("the download thread panicked")
// END
