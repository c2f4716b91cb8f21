// WRONG [unbounded]: every page gets its own `spawn_blocking` thread, so far more analyses run at once than there are cores. => "analyses ran at once, on a machine with"
// The reference answer (src/solutions/stream_pages.rs) with the mistake written in:
// REPLACE
//! Exercise 11.1, the reference answer: a streaming pipeline, in order, with bounded memory.
// WITH
//! Exercise 11.1: a streaming pipeline, in order, with bounded memory.
// END
// REPLACE
use rayon::iter::{ParallelBridge, ParallelIterator};
use tokio::sync::mpsc;
// WITH
use tokio::sync::mpsc;
// END
// REPLACE
    let analyses = tokio::task::spawn_blocking(move || {
        std::iter::from_fn(|| inbox.blocking_recv())
            .par_bridge()
            .map(|(index, page)| (index, analyser.analyse(page)))
            .collect::<Vec<(usize, Report)>>()
    });
// WITH
    let analyses = tokio::spawn(async move {
        let mut running = Vec::new();
        while let Some((index, page)) = inbox.recv().await {
            let analyser = analyser.clone();
            // Deliberately wrong: tokio's blocking pool starts up to 512 threads.
            running.push(tokio::task::spawn_blocking(move || {
                (index, analyser.analyse(page))
            }));
        }
        let mut done = Vec::new();
        for analysis in running {
            done.push(analysis.await.expect("an analysis panicked"));
        }
        done
    });
// END
