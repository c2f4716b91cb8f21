// WRONG [cancellation]: the workers are joined under a timeout of the answer's own (5 s), then aborted: a job in hand longer than that is cut off half way, so a graceful shutdown is not graceful. => "cut off at 5.00 s"
// The reference answer (src/solutions/work_until_shutdown.rs) with the mistake written in:
// REPLACE
//! Exercise 13.3, the reference answer: workers that stop on a cancellation token, finish the
//! job in hand, and report every job.
// WITH
//! Exercise 13.3: workers that stop on a cancellation token.
// END
// REPLACE
    while let Some(worker) = crew.join_next().await {
        report.done.extend(worker.expect("a worker panicked"));
    }
// WITH
    // Give the workers five seconds to stop, then stop them.
    let joined = async {
        while let Some(worker) = crew.join_next().await {
            report.done.extend(worker.expect("a worker panicked"));
        }
    };
    let _ = tokio::time::timeout(std::time::Duration::from_secs(5), joined).await;
    crew.abort_all();
    while crew.join_next().await.is_some() {}
// END
