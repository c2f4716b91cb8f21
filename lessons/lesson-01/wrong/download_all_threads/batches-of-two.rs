// WRONG [batches]: threads are started two at a time, so only two downloads ever overlap. => "but at most 2 did"
// The reference answer (src/solutions/download_all_threads.rs) with the mistake written in:
// REPLACE
//! Exercise 1.1, the reference answer: one scoped thread per url; pages in input order.
// WITH
//! Exercise 1.1: one scoped thread per url; pages in input order.
// END
// REPLACE
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
// WITH
    let mut pages = Vec::with_capacity(urls.len());
    // Deliberately wrong: one scope per pair of urls; each scope joins its two threads before
    // the next pair starts, so the other downloads wait.
    for pair in urls.chunks(2) {
        thread::scope(|scope| {
            let handles: Vec<_> = pair
                .iter()
                .map(|url| scope.spawn(move || download(url)))
                .collect();
            pages.extend(
                handles
                    .into_iter()
                    .map(|handle| handle.join().expect("a download thread panicked")),
            );
        });
    }
    pages
// END
