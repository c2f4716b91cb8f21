// WRONG [unbounded]: each page gets its own `spawn_blocking` thread, all at once, awaited in order: the heartbeat beats, but with 1,000 pages up to 512 threads analyse at once on a machine with a few cores (11.1 rejects this very shape). => "analyses ran at once, on a machine with"
// The reference answer (src/solutions/analyse_all.rs) with the mistake written in:
// REPLACE
//! Exercise 11.2, the reference answer: the analyses run on rayon's pool; the async task only
//! waits for them.
// WITH
//! Exercise 11.2: the analyses run on tokio's blocking threads.
// END
// REPLACE
use tokio::sync::{mpsc, oneshot};
// WITH
use tokio::sync::mpsc;
// END
// REPLACE
    let mut analyses = Vec::new();
    while let Some(page) = pages.recv().await {
        let (done, report) = oneshot::channel();
        let analyser = analyser.clone();
        // A rayon worker analyses the page and sends the report back; the task does not wait
        // for it here, so the next page is handed out at once.
        rayon::spawn(move || {
            let _ = done.send(analyser.analyse(page)); // fails only if nobody waits any more
        });
        analyses.push(report);
    }
    let mut reports = Vec::with_capacity(analyses.len());
    for report in analyses {
        // Awaiting a oneshot yields: the runtime's thread runs other tasks meanwhile.
        reports.push(report.await.expect("an analysis panicked"));
    }
    reports
// WITH
    let mut handles = Vec::new();
    while let Some(page) = pages.recv().await {
        let analyser = analyser.clone();
        handles.push(tokio::task::spawn_blocking(move || analyser.analyse(page)));
    }
    let mut reports = Vec::with_capacity(handles.len());
    for handle in handles {
        reports.push(handle.await.expect("an analysis panicked"));
    }
    reports
// END
