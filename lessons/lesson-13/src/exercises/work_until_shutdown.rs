//! Exercise 13.3: graceful shutdown.

#[allow(unused_imports)] // you will need it
use crate::do_job;
use crate::{JobQueue, Report};
use tokio_util::sync::CancellationToken;

/// Exercise 13.3: start `workers` workers (tasks). Each takes the next job from `queue`
/// (`queue.next().await`; `None` once the queue is closed and empty) and does it with
/// `do_job(&job).await`, until `shutdown` is cancelled. Then:
///
/// - a worker busy with a job *finishes it* (a job cut off half way is lost);
/// - a worker waiting for a job stops at once (the queue may stay open: it must not wait for
///   a job that will never come);
/// - no worker starts a new job after the shutdown.
///
/// Return once every worker has stopped, with every job in exactly one list of the `Report`:
/// `done` (finished) or `not_started` (still in the queue: `queue.drain().await` takes them).
///
/// Hint: in each worker, `tokio::select! { biased; () = shutdown.cancelled() => break, job =
/// queue.next() => ... }` waits for a job *or* the shutdown, then does the job outside the
/// `select!`, so nothing cuts it off. Collect each worker's done jobs from a `JoinSet`.
pub async fn work_until_shutdown(
    queue: JobQueue,
    workers: usize,
    shutdown: CancellationToken,
) -> Report {
    // TODO: spawn `workers` workers; each loops: wait for a job or the shutdown, do the job,
    // note it done. When all have stopped, drain the queue into `not_started`.
    let _ = (queue, workers, shutdown);
    todo!(
        "exercise 13.3 `work_until_shutdown` (lessons/lesson-13/src/exercises/\
         work_until_shutdown.rs): workers that stop on the token, finish the job in hand, and \
         report every job as done or not started"
    )
}
