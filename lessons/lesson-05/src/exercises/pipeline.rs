//! Exercise 5.1 `pipeline`: generator -> workers -> collector, over bounded channels.

#[allow(unused_imports)] // you will need these
use crossbeam::channel::{self, Receiver, Sender};
use instruments::Recorder;

#[allow(unused_imports)] // you will need this
use crate::process;
use crate::{Done, Job};

/// Exercise 5.1: a pipeline, generator -> `workers` workers -> collector, over two bounded
/// channels of `capacity` (crossbeam's `channel::bounded(capacity)`).
///
/// - A generator thread takes the jobs from `jobs` and sends each into the job channel. `jobs`
///   is like a Python generator: each job is made when it is taken, so take the next one only
///   when the last is sent (`for job in jobs { sender.send(job) ... }`). A full job channel then
///   holds the generator back: that is backpressure, and the check measures it.
/// - Each of the `workers` worker threads takes jobs from the job channel, does each with
///   `process(&job, &format!("worker {n}"), recorder)` (n = 1, 2, ...), and sends the result
///   into the result channel.
/// - The calling thread is the collector: it receives the results while the workers work and
///   returns them **sorted by job id** (they arrive in the order they finish).
///
/// It must end by itself once the jobs run out, for any `workers >= 1` and `capacity >= 1`.
///
/// Hint: inside `std::thread::scope`, give each worker a *clone* of the job receiver and of the
/// result sender (crossbeam's receivers can be cloned; std's cannot). A `for` loop over a
/// receiver ends when every sender is dropped, so after spawning the workers, drop the
/// function's own copies, or the collector waits for them forever.
pub fn pipeline<J>(jobs: J, workers: usize, capacity: usize, recorder: &Recorder) -> Vec<Done>
where
    J: IntoIterator<Item = Job>,
    J::IntoIter: Send,
{
    // TODO: make two `channel::bounded(capacity)` channels; spawn the generator and the
    // workers; drop the senders and receivers you no longer need; collect the results and
    // sort them by job id.
    let _ = (jobs, workers, capacity, recorder);
    todo!(
        "exercise 5.1 `pipeline` (lessons/lesson-05/src/exercises/pipeline.rs): send the jobs \
         through a bounded channel to `workers` threads with cloned receivers, collect their \
         results while they work, drop every sender you hold so that it ends, and return the \
         results sorted by job id"
    )
}
