// WRONG [order]: the analyses go to a `JoinSet` of blocking tasks, and the reports are kept in the order the analyses finish, not the order the pages arrived. => "in the order of the urls"
// The reference answer (src/solutions/analyse_all.rs) with the mistake written in:
// REPLACE
//! Exercise 11.2, the reference answer: the analyses run on rayon's pool; the async task only
//! waits for them.
// WITH
//! Exercise 11.2: the analyses run off the runtime.
// END
// REPLACE
use tokio::sync::{mpsc, oneshot};
// WITH
use tokio::sync::mpsc;
use tokio::task::JoinSet;
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
    let mut analyses = JoinSet::new();
    while let Some(page) = pages.recv().await {
        let analyser = analyser.clone();
        analyses.spawn_blocking(move || analyser.analyse(page));
    }
    let mut reports = Vec::new();
    // Deliberately wrong: `join_next` gives the reports in the order they finish.
    while let Some(report) = analyses.join_next().await {
        reports.push(report.expect("an analysis panicked"));
    }
    reports
// END
