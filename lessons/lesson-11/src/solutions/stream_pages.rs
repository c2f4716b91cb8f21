//! Exercise 11.1, the reference answer: a streaming pipeline, in order, with bounded memory.

use rayon::iter::{ParallelBridge, ParallelIterator};
use tokio::sync::mpsc;

use crate::{Analyser, Page, Report, Url};

/// Exercise 11.1: downloads feed analyses through a channel of `capacity`; reports in the
/// order of `urls`.
pub async fn stream_pages(urls: Vec<Url>, capacity: usize, analyser: Analyser) -> Vec<Report> {
    let count = urls.len();
    let (sender, mut inbox) = mpsc::channel::<(usize, Page)>(capacity);
    // The analyses, off the runtime: rayon's workers take pages from the channel as they come.
    let analyses = tokio::task::spawn_blocking(move || {
        std::iter::from_fn(|| inbox.blocking_recv())
            .par_bridge()
            .map(|(index, page)| (index, analyser.analyse(page)))
            .collect::<Vec<(usize, Report)>>()
    });
    // The downloads, on the runtime: each task first reserves a place in the channel, then
    // downloads, so a page is downloaded only when there is room for it.
    for (index, url) in urls.into_iter().enumerate() {
        let sender = sender.clone();
        tokio::spawn(async move {
            if let Ok(place) = sender.reserve().await {
                place.send((index, url.download().await));
            }
        });
    }
    drop(sender); // the tasks hold the other senders: the channel closes after the last page
    // Each report into its url's slot: the analyses finish in any order.
    let mut slots: Vec<Option<Report>> = vec![None; count];
    for (index, report) in analyses.await.expect("an analysis panicked") {
        slots[index] = Some(report);
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("every url was downloaded and analysed"))
        .collect()
}
