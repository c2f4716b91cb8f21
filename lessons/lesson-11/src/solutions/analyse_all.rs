//! Exercise 11.2, the reference answer: the analyses run on rayon's pool; the async task only
//! waits for them.

use tokio::sync::{mpsc, oneshot};

use crate::{Analyser, Page, Report};

/// Exercise 11.2: analyses every page off the runtime's thread, several at once; reports in
/// the order the pages arrived.
pub async fn analyse_all(mut pages: mpsc::Receiver<Page>, analyser: Analyser) -> Vec<Report> {
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
}
