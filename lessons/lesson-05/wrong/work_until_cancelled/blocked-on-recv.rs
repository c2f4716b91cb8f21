// WRONG [cancellation]: it checks the cancel before each job but then blocks in `jobs.recv()`, where a cancel on an empty queue is never seen. => "cannot see the cancel while blocked"
//! Exercise 5.2 `work_until_cancelled`: a wrong answer from the catalogue (its first line says what is wrong).

use crossbeam::channel::{Receiver, Sender, TryRecvError};
use instruments::Recorder;

use crate::{Done, Job, process};

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
        // Nothing to cancel yet: sleep until whichever comes first, a job or the cancel. A
        // plain `jobs.recv()` here would not wake up for a cancel on an empty queue.
        // Deliberately wrong: waits for a job only, deaf to the cancel while the queue is empty.
        let Ok(job) = jobs.recv() else { return }; // no more jobs, ever
        let done = process(&job, worker, recorder);
        // A finished job's result is always delivered, even if cancel came meanwhile.
        if results.send(done).is_err() {
            return; // nobody is collecting
        }
    }
}
