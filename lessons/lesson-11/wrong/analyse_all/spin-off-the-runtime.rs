// WRONG [busy-wait]: the analyses run on `rayon::spawn`, and the task hands their receivers to one `spawn_blocking` thread that waits for each report by asking `try_recv` in a loop with `thread::yield_now` between tries. The runtime's thread is free and the task is polled twice, but a thread off the runtime spins the whole time the analyses run. => "asks whether a report is ready again and again"
// The reference answer (src/solutions/analyse_all.rs) with the mistake written in:
// REPLACE
//! Exercise 11.2, the reference answer: the analyses run on rayon's pool; the async task only
//! waits for them.
// WITH
//! Exercise 11.2: the analyses run on rayon's pool; a thread of tokio's waits for them.
// END
// REPLACE
    let mut reports = Vec::with_capacity(analyses.len());
    for report in analyses {
        // Awaiting a oneshot yields: the runtime's thread runs other tasks meanwhile.
        reports.push(report.await.expect("an analysis panicked"));
    }
    reports
// WITH
    // Off the runtime, so the heartbeat is fine; but this thread asks and asks.
    let waiting = tokio::task::spawn_blocking(move || {
        let mut reports = Vec::with_capacity(analyses.len());
        for mut report in analyses {
            loop {
                match report.try_recv() {
                    Ok(done) => break reports.push(done),
                    Err(oneshot::error::TryRecvError::Empty) => std::thread::yield_now(),
                    Err(e) => panic!("an analysis panicked: {e}"),
                }
            }
        }
        reports
    });
    waiting.await.expect("the waiting thread")
// END
