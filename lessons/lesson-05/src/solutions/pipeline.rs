//! Lesson 05 reference answers: a pipeline over crossbeam channels, and a worker that stops
//! when told to.

use std::thread;

use crossbeam::channel::{self, Receiver, Sender, TryRecvError, select};
use instruments::Recorder;

use crate::{Done, Job, process};

/// Exercise 5.1: a generator thread sends the jobs into a bounded channel; `workers` threads,
/// each with its own clone of the receiver, do them with `process` (as "worker 1",
/// "worker 2", ...) and send the results into a second bounded channel; the calling thread
/// collects them. Returns every result exactly once, and ends when the jobs run out.
pub fn pipeline(jobs: Vec<Job>, workers: usize, capacity: usize, recorder: &Recorder) -> Vec<Done> {
    let (job_sender, job_receiver) = channel::bounded::<Job>(capacity);
    let (result_sender, result_receiver) = channel::bounded::<Done>(capacity);
    thread::scope(|scope| {
        // The generator owns the only job sender; when it has sent the last job it drops it,
        // and each worker's loop ends once the queue is empty.
        scope.spawn(move || {
            for job in jobs {
                if job_sender.send(job).is_err() {
                    break; // every worker has gone
                }
            }
        });
        for worker in 1..=workers.max(1) {
            // crossbeam's receivers are multi-consumer: each worker gets a clone, no Mutex.
            let (jobs, results) = (job_receiver.clone(), result_sender.clone());
            scope.spawn(move || {
                let name = format!("worker {worker}");
                for job in jobs {
                    let done = process(&job, &name, recorder);
                    if results.send(done).is_err() {
                        break; // the collector has gone
                    }
                }
            });
        }
        // Ours are not needed: drop them, or the collector below would wait for this function's
        // own result sender forever.
        drop((job_receiver, result_sender));
        result_receiver.iter().collect()
    })
}

/// Exercise 5.2: does jobs from `jobs` as `worker` until `cancel` fires (a message, or every
/// cancel sender dropped) or the jobs run out, sending each result to `results` as soon as it
/// is finished.
pub fn work_until_cancelled(
    worker: &str,
    jobs: &Receiver<Job>,
    cancel: &Receiver<()>,
    results: &Sender<Done>,
    recorder: &Recorder,
) {
    loop {
        // Look at the cancel channel first, before every job: when both channels are ready,
        // `select!` picks one at random, so it alone could start several more jobs after a
        // cancel.
        if !matches!(cancel.try_recv(), Err(TryRecvError::Empty)) {
            return;
        }
        // Nothing to cancel yet: wait for whichever comes first, a job or the cancel.
        select! {
            recv(cancel) -> _ => return,
            recv(jobs) -> message => {
                let Ok(job) = message else { return }; // no more jobs, ever
                let done = process(&job, worker, recorder);
                // A finished job's result is always delivered, even if cancel came meanwhile.
                if results.send(done).is_err() {
                    return; // nobody is collecting
                }
            }
        }
    }
}
