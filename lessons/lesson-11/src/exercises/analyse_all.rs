//! Exercise 11.2: keep the runtime responsive while the CPU works.

use tokio::sync::mpsc;

use crate::{Analyser, Page, Report};

/// Exercise 11.2: this function is *deliberately wrong*, and its check fails as shipped
/// (exercise 11.2 `analyse_all`, lessons/lesson-11/src/exercises/analyse_all.rs). It analyses
/// every page that arrives on `pages`, and returns the reports in the order the pages arrived,
/// but it analyses them inside the async task, on the runtime's thread: while a page is being
/// analysed, nothing else on the runtime runs (the check's heartbeat task waits, and so would
/// every download). Move the CPU work off the runtime's thread, and let several pages be
/// analysed at once, but no more at once than rayon's global pool has threads (one a core, or
/// what `RAYON_NUM_THREADS` says; the checks give it a size of their own). The async task
/// should only wait, with `.await`, for the reports: no loop that asks whether one is ready.
///
/// Hint: `rayon::spawn` with a `tokio::sync::oneshot` channel to send the report back (the
/// pool runs one analysis a thread and queues the rest), or `tokio::task::spawn_blocking`
/// holding a permit of a `tokio::sync::Semaphore` of `rayon::current_num_threads()` permits
/// (tokio's blocking pool alone runs up to 512 at once). Start every analysis before awaiting
/// the first.
pub async fn analyse_all(mut pages: mpsc::Receiver<Page>, analyser: Analyser) -> Vec<Report> {
    // TODO: move the analysis below off the runtime's thread.
    let mut reports = Vec::new();
    while let Some(page) = pages.recv().await {
        // Deliberately wrong (exercise 11.2): CPU work inside an async task holds the
        // runtime's thread until it is done.
        reports.push(analyser.analyse(page));
    }
    reports
}
