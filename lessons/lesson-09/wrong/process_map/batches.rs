// WRONG [batches]: one job to each worker, then wait for the whole batch before sending the next: a worker that finishes early idles until the batch's slowest job is done. => "started only after job 0 had ended"
//! Exercise 9.1: a wrong answer from the catalogue (its first line says what is wrong).

use std::thread;

use instruments::process::{Worker, WorkerCommand};

use crate::{Answer, JOB_LIMIT, Job};

pub fn process_map(command: &WorkerCommand, workers: usize, jobs: &[Job]) -> Vec<Answer> {
    let count = workers.min(jobs.len()).max(1);
    let mut pool: Vec<Worker> = (0..count)
        .map(|_| Worker::spawn(command).expect("a worker process starts"))
        .collect();
    let mut answers = Vec::new();
    for batch in jobs.chunks(count) {
        let got: Vec<Answer> = thread::scope(|scope| {
            let handles: Vec<_> = pool
                .iter_mut()
                .zip(batch)
                .map(|(worker, job)| {
                    scope.spawn(move || worker.request(job, JOB_LIMIT).expect("an answer"))
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        answers.extend(got);
    }
    for worker in pool {
        worker.finish(JOB_LIMIT).expect("the worker exits");
    }
    answers
}
