// WRONG [sequential]: `workers` ignored: one worker process at a time, in a plain loop, does every job (replaced after a death): it survives, but nothing runs in parallel. => "but at most 1 did"
//! Exercise 9.2: a wrong answer from the catalogue (its first line says what is wrong).

use std::time::Duration;

use instruments::process::{JobError, Worker, WorkerCommand};

use crate::{Answer, Job};

pub fn resilient_map(
    command: &WorkerCommand,
    _workers: usize,
    jobs: &[Job],
    limit: Duration,
) -> Vec<Result<Answer, JobError>> {
    let mut worker: Option<Worker> = None;
    let mut results = Vec::new();
    for job in jobs {
        let named = |cause| JobError { job: job.id, cause };
        let mut alive = match worker.take() {
            Some(alive) => alive,
            None => match Worker::spawn(command) {
                Ok(alive) => alive,
                Err(cause) => {
                    results.push(Err(named(cause)));
                    continue;
                }
            },
        };
        match alive.request(job, limit) {
            Ok(answer) => {
                results.push(Ok(answer));
                worker = Some(alive);
            }
            Err(cause) => results.push(Err(named(cause))),
        }
    }
    if let Some(worker) = worker {
        let _ = worker.finish(limit);
    }
    results
}
