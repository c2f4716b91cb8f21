// WRONG [hardcoded]: the analyses run on a rayon pool of `num_threads(2)`, a number of the answer's own ("my laptop has two cores"), not rayon's pool of one thread a core. => "a number of your own"
// The reference answer (src/solutions/stream_pages.rs) with the mistake written in:
// REPLACE
//! Exercise 11.1, the reference answer: a streaming pipeline, in order, with bounded memory.
// WITH
//! Exercise 11.1: a streaming pipeline, in order, with bounded memory.
// END
// REPLACE
    let analyses = tokio::task::spawn_blocking(move || {
        std::iter::from_fn(|| inbox.blocking_recv())
            .par_bridge()
            .map(|(index, page)| (index, analyser.analyse(page)))
            .collect::<Vec<(usize, Report)>>()
    });
// WITH
    // Two analysis threads: "my laptop has two cores".
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("a pool");
    let analyses = tokio::task::spawn_blocking(move || {
        pool.install(|| {
            std::iter::from_fn(|| inbox.blocking_recv())
                .par_bridge()
                .map(|(index, page)| (index, analyser.analyse(page)))
                .collect::<Vec<(usize, Report)>>()
        })
    });
// END
