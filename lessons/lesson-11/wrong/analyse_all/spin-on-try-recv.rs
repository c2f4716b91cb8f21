// WRONG [busy-wait]: the analyses run on `rayon::spawn` and report on a `std::sync::mpsc` channel, which the task empties by spinning on `try_recv` with `tokio::task::yield_now().await` between tries: the heartbeat gets its turns, but the runtime's thread never rests (asyncio's `while q.empty(): await asyncio.sleep(0)`). => "woke up again and again"
// The reference answer (src/solutions/analyse_all.rs) with the mistake written in:
// REPLACE
//! Exercise 11.2, the reference answer: the analyses run on rayon's pool; the async task only
//! waits for them.
// WITH
//! Exercise 11.2: the analyses run on rayon's pool.
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
    let (sender, reports) = std::sync::mpsc::channel();
    let mut count = 0;
    while let Some(page) = pages.recv().await {
        let (sender, analyser, index) = (sender.clone(), analyser.clone(), count);
        rayon::spawn(move || {
            let _ = sender.send((index, analyser.analyse(page)));
        });
        count += 1;
    }
    let mut slots: Vec<Option<Report>> = vec![None; count];
    let mut got = 0;
    while got < count {
        match reports.try_recv() {
            Ok((index, report)) => {
                slots[index] = Some(report);
                got += 1;
            }
            Err(_) => tokio::task::yield_now().await, // let the others run, then look again
        }
    }
    slots.into_iter().map(Option::unwrap).collect()
// END
