// WRONG [order]: the reports come back in the order the analyses finished, not in the order of the urls. => "in the order of the urls"
// The reference answer (src/solutions/stream_pages.rs) with the mistake written in:
// REPLACE
//! Exercise 11.1, the reference answer: a streaming pipeline, in order, with bounded memory.
// WITH
//! Exercise 11.1: a streaming pipeline, in order, with bounded memory.
// END
// REPLACE
    let count = urls.len();
// WITH
// END
// REPLACE
    let mut slots: Vec<Option<Report>> = vec![None; count];
    for (index, report) in analyses.await.expect("an analysis panicked") {
        slots[index] = Some(report);
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("every url was downloaded and analysed"))
        .collect()
// WITH
    // Deliberately wrong: the index travels with each page, but is dropped here.
    analyses
        .await
        .expect("an analysis panicked")
        .into_iter()
        .map(|(_, report)| report)
        .collect()
// END
