// WRONG [cancellation]: at the shutdown the workers are aborted (`abort_all`), which drops each job in hand half way. => "so it is lost"
// The reference answer (src/solutions/work_until_shutdown.rs) with the mistake written in:
// REPLACE
//! Exercise 13.3, the reference answer: workers that stop on a cancellation token, finish the
//! job in hand, and report every job.
// WITH
//! Exercise 13.3: workers that stop on a cancellation token, finish the job in hand, and
//! report every job.
// END
// REPLACE
    let mut report = Report::default();
    while let Some(worker) = crew.join_next().await {
        report.done.extend(worker.expect("a worker panicked"));
    }
// WITH
    let mut report = Report::default();
    // Deliberately wrong: stops the workers wherever they are, mid-job too.
    shutdown.cancelled().await;
    crew.abort_all();
    while let Some(worker) = crew.join_next().await {
        if let Ok(done) = worker {
            report.done.extend(done);
        }
    }
// END
