// WRONG [result]: it takes a job first and only then looks at the cancel, so a job taken after the cancel is dropped undone. => "is lost"
//! Exercise 5.2 `work_until_cancelled`: a wrong answer from the catalogue (its first line says what is wrong).

use crossbeam::channel::{Receiver, Sender, TryRecvError, select};
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
        // Nothing to cancel yet: sleep until whichever comes first, a job or the cancel. A
        // plain `jobs.recv()` here would not wake up for a cancel on an empty queue.
        select! {
            recv(cancel) -> _ => return,
            recv(jobs) -> message => {
                let Ok(job) = message else { return }; // no more jobs, ever
                // Deliberately wrong: the cancel is checked after the job was taken.
                if !matches!(cancel.try_recv(), Err(TryRecvError::Empty)) {
                    return;
                }
                let done = process(&job, worker, recorder);
                // A finished job's result is always delivered, even if cancel came meanwhile.
                if results.send(done).is_err() {
                    return; // nobody is collecting
                }
            }
        }
    }
}
