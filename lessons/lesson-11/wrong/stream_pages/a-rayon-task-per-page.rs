// WRONG [unbounded]: each page is taken out of the channel at once and handed to `rayon::spawn`, whose queue has no bound: the pages wait there instead. => "pages were waiting at once"
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
use tokio::sync::{mpsc, oneshot};
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
            let (done, report) = oneshot::channel();
            let analyser = analyser.clone();
            // Deliberately wrong: rayon queues every page it is given, without limit.
            rayon::spawn(move || {
                let _ = done.send((index, analyser.analyse(page)));
            });
            reports.push(report);
        }
        let mut done = Vec::new();
        for report in reports {
            done.push(report.await.expect("an analysis panicked"));
        }
        done
    });
// END
