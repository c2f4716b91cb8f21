//! Exercise 13.3, the reference answer: workers that stop on a cancellation token, finish the
//! job in hand, and report every job.

use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use crate::{JobQueue, Report, do_job};

/// Exercise 13.3: `workers` workers take jobs from `queue` until `shutdown` is cancelled (or
/// the queue is closed and empty). A worker busy with a job finishes it; an idle one stops at
/// once. Returns when every worker has stopped: the jobs done, and the jobs never started.
pub async fn work_until_shutdown(
    queue: JobQueue,
    workers: usize,
    shutdown: CancellationToken,
) -> Report {
    let mut crew = JoinSet::new();
    for _ in 0..workers {
        let (queue, shutdown) = (queue.clone(), shutdown.clone());
        crew.spawn(async move {
            let mut done = Vec::new();
            loop {
                // Wait for a job *or* the shutdown, whichever comes first: an idle worker must
                // hear the token while it waits. `biased` checks the token first, so a worker
                // takes no new job once the shutdown has come, even if one is ready.
                let job = tokio::select! {
                    biased;
                    () = shutdown.cancelled() => break,
                    job = queue.next() => match job {
                        Some(job) => job,
                        None => break, // closed and empty: nothing more will come
                    },
                };
                // The job in hand is not raced against the token: it runs to the end.
                do_job(&job).await;
                done.push(job.id);
            }
            done
        });
    }
    let mut report = Report::default();
    while let Some(worker) = crew.join_next().await {
        report.done.extend(worker.expect("a worker panicked"));
    }
    // Every worker has stopped: what is left in the queue was never started.
    report.not_started = queue.drain().await.iter().map(|job| job.id).collect();
    report
}
