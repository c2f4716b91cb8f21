//! Lesson 05 exercises: a pipeline over channels, and a worker that can be cancelled.
//!
//! Check your answers with `cargo test -p lesson-05`. The checks want every result exactly
//! once, the workers really working at the same time (read from the recorded spans), and the
//! pipeline to end by itself when the jobs run out: a sender that is never dropped makes it
//! hang, and the check then names the exercise that hung.

#[allow(unused_imports)] // you will need these
use crossbeam::channel::{self, Receiver, Sender, TryRecvError, select};
use instruments::Recorder;

#[allow(unused_imports)] // you will need this
use crate::process;
use crate::{Done, Job};

/// Exercise 5.1: a pipeline, generator -> `workers` workers -> collector, over bounded
/// channels of `capacity`. A generator thread sends the jobs into a job channel; each worker
/// thread takes jobs from it, does each with `process(&job, "worker N", recorder)`, and sends
/// the result into a result channel; the calling thread collects the results and returns
/// them (in any order). It must end by itself once the jobs run out.
///
/// Hint: inside `std::thread::scope`, give each worker a *clone* of the job receiver and of the
/// result sender (crossbeam's receivers can be cloned; std's cannot). A `for` loop over a
/// receiver ends when every sender is dropped, so after spawning the workers, drop the
/// function's own copies, or the collector waits for them forever.
pub fn pipeline(jobs: Vec<Job>, workers: usize, capacity: usize, recorder: &Recorder) -> Vec<Done> {
    // TODO: make two `channel::bounded(capacity)` channels; spawn the generator and the
    // workers; drop the senders and receivers you no longer need; collect the results.
    let _ = (jobs, workers, capacity, recorder);
    todo!(
        "exercise 5.1 `pipeline` in lessons/lesson-05/src/exercises.rs: send the jobs through a \
         bounded channel to `workers` threads with cloned receivers, collect their results, and \
         drop every sender you hold so that it ends"
    )
}

/// Exercise 5.2: a worker loop that does jobs from `jobs` (each with
/// `process(&job, worker, recorder)`, sending its result to `results` straight away) and stops
/// promptly when `cancel` fires (a message arrives, or every cancel sender is dropped), or when
/// the jobs run out. A job it has finished must never lose its result.
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
        "exercise 5.2 `work_until_cancelled` in lessons/lesson-05/src/exercises.rs: do jobs \
         until the cancel channel fires or the jobs run out, checking cancel before each job, \
         and send every finished result"
    )
}
