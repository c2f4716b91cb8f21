//! Exercise 9.1, the reference answer: a pool of `workers` processes, each fed jobs one at a
//! time by a thread of its own, answers put back in the order of the jobs.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use instruments::process::{Worker, WorkerCommand};

use crate::{Answer, JOB_LIMIT, Job};

/// Runs every job on worker processes started from `command`, never more than `workers`
/// alive at once, and returns their answers in the order of `jobs`. Every worker is waited
/// for before it returns.
pub fn process_map(command: &WorkerCommand, workers: usize, jobs: &[Job]) -> Vec<Answer> {
    let next = AtomicUsize::new(0);
    let done: Vec<Vec<(usize, Answer)>> = thread::scope(|scope| {
        // One thread per worker process: `workers` of them, or fewer if there are fewer jobs.
        let handles: Vec<_> = (0..workers.min(jobs.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut worker = Worker::spawn(command).expect("a worker process starts");
                    let mut answered = Vec::new();
                    // Each thread takes the next job not yet taken, so a worker that finishes
                    // early takes more of them.
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(job) = jobs.get(index) else { break };
                        let answer = worker
                            .request(job, JOB_LIMIT)
                            .unwrap_or_else(|error| panic!("job {}: {error}", job.id));
                        answered.push((index, answer));
                    }
                    // Close its stdin and wait for it to exit: never a zombie.
                    worker.finish(JOB_LIMIT).expect("the worker exits");
                    answered
                })
            })
            .collect();
        instruments::check::join_all(handles)
    });
    // The answers arrive in the order the jobs finish: each goes back to its job's place.
    let mut answers: Vec<Option<Answer>> = vec![None; jobs.len()];
    for (index, answer) in done.into_iter().flatten() {
        answers[index] = Some(answer);
    }
    answers
        .into_iter()
        .map(|answer| answer.expect("every job was answered"))
        .collect()
}
