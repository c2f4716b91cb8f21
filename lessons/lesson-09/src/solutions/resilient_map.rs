//! Exercise 9.2, the reference answer: a job whose worker dies is that job's error; the next
//! job goes to a new worker.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use instruments::process::{JobError, Worker, WorkerCommand};

use crate::{Answer, Job};

/// Runs every job on at most `workers` worker processes at once, like `process_map`, but a
/// worker may die in the middle of a job (killed, aborted, exited, wrote garbage, or took
/// longer than `limit`): that job is an error naming it and the cause, a new worker takes the
/// jobs still waiting, and every other job's answer arrives, in the order of `jobs`.
pub fn resilient_map(
    command: &WorkerCommand,
    workers: usize,
    jobs: &[Job],
    limit: Duration,
) -> Vec<Result<Answer, JobError>> {
    let next = AtomicUsize::new(0);
    let mut results: Vec<Option<Result<Answer, JobError>>> = vec![None; jobs.len()];
    let done = thread::scope(|scope| {
        let handles: Vec<_> = (0..workers.min(jobs.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut worker: Option<Worker> = None;
                    let mut finished = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(job) = jobs.get(index) else { break };
                        finished.push((index, run(command, &mut worker, job, limit)));
                    }
                    if let Some(worker) = worker {
                        let _ = worker.finish(limit);
                    }
                    finished
                })
            })
            .collect();
        instruments::check::join_all(handles)
    });
    for (index, result) in done.into_iter().flatten() {
        results[index] = Some(result);
    }
    results
        .into_iter()
        .map(|result| result.expect("every job has its answer or its error"))
        .collect()
}

/// One job on the thread's worker, starting one if it has none (the first job, or the first
/// after a death).
fn run(
    command: &WorkerCommand,
    worker: &mut Option<Worker>,
    job: &Job,
    limit: Duration,
) -> Result<Answer, JobError> {
    let named = |cause| JobError { job: job.id, cause };
    let mut alive = match worker.take() {
        Some(alive) => alive,
        None => Worker::spawn(command).map_err(named)?,
    };
    // `request` never blocks longer than `limit`: a worker that hangs is killed, and a dead
    // worker's pipe reads as end of file. After an error the worker has been waited for.
    let answer = alive.request(job, limit).map_err(named)?;
    *worker = Some(alive);
    Ok(answer)
}
