//! Exercise 9.2 `resilient_map`: a worker that dies costs only its job.

use std::time::Duration;

#[allow(unused_imports)] // you will need these
use instruments::process::{JobError, Worker, WorkerCommand};

use crate::{Answer, Job};

/// Exercise 9.2: run every job on at most `workers` worker processes at once, like
/// `process_map`, but a worker may die in the middle of a job: killed (`kill -9`), aborted,
/// exited with an error, wrote garbage instead of an answer, or took longer than `limit`.
///
/// - That job's result is `Err(JobError { job: job.id, cause })`, where `cause` is the
///   `WorkerError` that `request` returned (it says how the worker died).
/// - A new worker takes the jobs still waiting: every other job's answer arrives, in the order
///   of `jobs`.
/// - Nothing waits for ever: give `request` the `limit`. After an error the worker has
///   already been waited for; drop it and start another for the next job. A crash that comes
///   from the job itself would come again: do not retry it.
///
/// Hint: start from your `process_map`; keep each thread's worker in an `Option<Worker>`,
/// start one when it is `None`, and set it back to `None` when `request` fails.
pub fn resilient_map(
    command: &WorkerCommand,
    workers: usize,
    jobs: &[Job],
    limit: Duration,
) -> Vec<Result<Answer, JobError>> {
    // TODO: as in 9.1, one scoped thread per worker taking jobs one at a time; on an error,
    // record `Err(JobError { job: job.id, cause })` for that job and start a new worker for
    // the next one. Results in the order of the jobs.
    let _ = (command, workers, jobs, limit);
    todo!(
        "exercise 9.2 `resilient_map` (lessons/lesson-09/src/exercises/resilient_map.rs): a \
         job whose worker dies is that job's error; a new worker takes the next job"
    )
}
