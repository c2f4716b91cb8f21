// WRONG [batches]: the jobs split up front into one chunk per worker (`Pool.map`'s chunksize): a worker whose chunk is quick idles while another still has its chunk to do. => "started only after job 0 had ended"
//! Exercise 9.1: a wrong answer from the catalogue (its first line says what is wrong).

use std::thread;

use instruments::process::{Worker, WorkerCommand};

use crate::{Answer, JOB_LIMIT, Job};

pub fn process_map(command: &WorkerCommand, workers: usize, jobs: &[Job]) -> Vec<Answer> {
    if jobs.is_empty() {
        return Vec::new();
    }
    let size = jobs.len().div_ceil(workers.max(1));
    thread::scope(|scope| {
        let handles: Vec<_> = jobs
            .chunks(size)
            .map(|chunk| {
                scope.spawn(move || {
                    let mut worker = Worker::spawn(command).expect("a worker process starts");
                    let answers: Vec<Answer> = chunk
                        .iter()
                        .map(|job| worker.request(job, JOB_LIMIT).expect("an answer"))
                        .collect();
                    worker.finish(JOB_LIMIT).expect("the worker exits");
                    answers
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap()).collect()
    })
}
