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
///   `WorkerError` that `request` returned (it says how the worker died), and a replacement
///   worker starts for the jobs still waiting: every other job's answer arrives, in the order
///   of `jobs`.
/// - Each job is sent to a worker once. A job whose worker died is not sent again, not even
///   once more: a crash that comes from the job would crash the next worker too, and a job
///   that hangs would hold its thread for the limit again. The check counts the workers that
///   died.
/// - Keep each worker for many jobs, as in `process_map`: start a new one only when one dies
///   (the check counts the processes started), and keep `workers` of them working at once.
/// - Nothing waits for ever: give `request` the `limit`. After an error the worker has
///   already been waited for; drop it and start another for the next job.
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
