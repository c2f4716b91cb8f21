// WRONG [result]: a job whose worker died is tried once more on a new worker: a job that crashes its worker crashes two, and a hung job holds its thread for twice the limit. => "was sent to another worker"
//! Exercise 9.2: a wrong answer from the catalogue (its first line says what is wrong).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use instruments::process::{JobError, Worker, WorkerCommand};

use crate::{Answer, Job};

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
                        // One more try on a fresh worker: it may have been bad luck.
                        let result = match run(command, &mut worker, job, limit) {
                            Err(_) => run(command, &mut worker, job, limit),
                            ok => ok,
                        };
                        finished.push((index, result));
                    }
                    if let Some(worker) = worker {
                        let _ = worker.finish(limit);
                    }
                    finished
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect::<Vec<_>>()
    });
    for (index, result) in done.into_iter().flatten() {
        results[index] = Some(result);
    }
    results.into_iter().map(Option::unwrap).collect()
}

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
    let answer = alive.request(job, limit).map_err(named)?;
    *worker = Some(alive);
    Ok(answer)
}
