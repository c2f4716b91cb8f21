//! Exercise 5.2 `work_until_cancelled`: a worker that stops promptly when told to.

#[allow(unused_imports)] // you will need these
use crossbeam::channel::{Receiver, Sender, TryRecvError, select};
use instruments::Recorder;

#[allow(unused_imports)] // you will need this
use crate::process;
use crate::{Done, Job};

/// Exercise 5.2: a worker loop that does jobs from `jobs` (each with
/// `process(&job, worker, recorder)`, sending its result to `results` straight away) and stops
/// promptly when `cancel` fires (a message arrives, or every cancel sender is dropped), or when
/// the jobs run out (every job sender dropped and the queue empty).
///
/// - Once cancel has fired, start no new job and take none from the queue.
/// - See the cancel even while waiting for a job on an empty queue: blocked in `jobs.recv()`,
///   the worker would never notice it.
/// - Wait by blocking, not by spinning: a loop of `try_recv` burns a whole core doing nothing.
/// - A job it has finished must never lose its result, even if the cancel came meanwhile.
///
/// Hint: `select!` waits on several channels at once, but when both are ready it picks one *at
/// random*, so after a cancel it may start more jobs. Check `cancel.try_recv()` before each
/// job (`Err(TryRecvError::Empty)` means "not cancelled"), then `select!` on `cancel` and
/// `jobs` to wait for whichever comes first.
pub fn work_until_cancelled(
    worker: &str,
    jobs: &Receiver<Job>,
    cancel: &Receiver<()>,
    results: &Sender<Done>,
    recorder: &Recorder,
) {
    // TODO: loop: stop if cancelled; otherwise wait for a job or the cancel; do the job and
    // send its result.
    let _ = (worker, jobs, cancel, results, recorder);
    todo!(
        "exercise 5.2 `work_until_cancelled` (lessons/lesson-05/src/exercises/\
         work_until_cancelled.rs): do jobs until the cancel channel fires or the jobs run out, \
         checking cancel before each job and waiting on both channels with `select!`, and send \
         every finished result"
    )
}
