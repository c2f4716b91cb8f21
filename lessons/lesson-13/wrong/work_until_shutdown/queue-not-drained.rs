// WRONG [result]: the jobs still queued at the shutdown are left out of the report, neither done nor not started. => "is in neither list"
// The reference answer (src/solutions/work_until_shutdown.rs) with the mistake written in:
// REPLACE
//! Exercise 13.3, the reference answer: workers that stop on a cancellation token, finish the
//! job in hand, and report every job.
// WITH
//! Exercise 13.3: workers that stop on a cancellation token, finish the job in hand, and
//! report every job.
// END
// REPLACE
    // Every worker has stopped: what is left in the queue was never started.
    report.not_started = queue.drain().await.iter().map(|job| job.id).collect();
    report
// WITH
    // Deliberately wrong: the jobs left in the queue are forgotten.
    drop(queue);
    report
// END
