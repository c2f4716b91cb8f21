// WRONG [batches]: the urls go in batches of `capacity`: each batch is downloaded, then analysed, before the next batch starts, so the downloads and the analyses take turns. => "no analysis ran while the last download was in flight"
// The reference answer (src/solutions/stream_pages.rs) with the mistake written in:
// REPLACE
//! Exercise 11.1, the reference answer: a streaming pipeline, in order, with bounded memory.
// WITH
//! Exercise 11.1: a streaming pipeline, in order, with bounded memory.
// END
// REPLACE
use rayon::iter::{ParallelBridge, ParallelIterator};
use tokio::sync::mpsc;

use crate::{Analyser, Page, Report, Url};
// WITH
use rayon::iter::{IntoParallelIterator, ParallelIterator};

use crate::{Analyser, Report, Url};
// END
// REPLACE
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
// WITH
    let mut reports = Vec::with_capacity(urls.len());
    // Deliberately wrong: never more than `capacity` pages held, but the two stages take turns.
    for batch in urls.chunks(capacity.max(1)) {
        let pages = futures::future::join_all(batch.iter().map(Url::download)).await;
        let analyser = analyser.clone();
        let analysed = tokio::task::spawn_blocking(move || {
            pages
                .into_par_iter()
                .map(|page| analyser.analyse(page))
                .collect::<Vec<Report>>()
        });
        reports.extend(analysed.await.expect("an analysis panicked"));
    }
    reports
// END
