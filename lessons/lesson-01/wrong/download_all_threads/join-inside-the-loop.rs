// WRONG [sequential]: each thread is joined in the loop that spawns it, so each download waits for the one before. => "but at most 1 did"
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
// WITH
        // Deliberately wrong: joining right after spawning waits for this download to finish
        // before the next thread is even started.
        urls.iter()
            .map(|url| {
                scope
                    .spawn(move || download(url))
                    .join()
                    .expect("a download thread panicked")
            })
// END
