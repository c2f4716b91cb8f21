// WRONG [unbounded]: `workers` threads each take the next job, but start a process for it and finish it after: never more than `workers` alive, yet a process start per job. => "were started for 3 workers"
//! Exercise 9.1: a wrong answer from the catalogue (its first line says what is wrong).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use instruments::process::{Worker, WorkerCommand};

use crate::{Answer, JOB_LIMIT, Job};

pub fn process_map(command: &WorkerCommand, workers: usize, jobs: &[Job]) -> Vec<Answer> {
    let next = AtomicUsize::new(0);
    let done: Vec<Vec<(usize, Answer)>> = thread::scope(|scope| {
        let handles: Vec<_> = (0..workers.min(jobs.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut answered = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(job) = jobs.get(index) else { break };
                        // A fresh process for this job, like multiprocessing.Process per task.
                        let mut worker = Worker::spawn(command).expect("a worker process starts");
                        let answer = worker.request(job, JOB_LIMIT).expect("an answer");
                        worker.finish(JOB_LIMIT).expect("the worker exits");
                        answered.push((index, answer));
                    }
                    answered
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut answers: Vec<Option<Answer>> = vec![None; jobs.len()];
    for (index, answer) in done.into_iter().flatten() {
        answers[index] = Some(answer);
    }
    answers.into_iter().map(Option::unwrap).collect()
}
