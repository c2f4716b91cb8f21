// WRONG [blocking-async]: the analyses run in an async task, so on the runtime's thread, where they stop every download while they compute. => "ran on the runtime's thread"
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
        let mut reports = Vec::new();
        while let Some((index, page)) = inbox.recv().await {
            // Deliberately wrong: CPU work inside an async task.
            reports.push((index, analyser.analyse(page)));
        }
        reports
    });
// END
