//! Lesson 02 reference answers (built with `--features solutions`).

use std::any::Any;
use std::thread;

use instruments::Recorder;

use crate::{Job, sum_chunk};

/// Exercise 2.1: one scoped thread per chunk; the chunk totals added up.
pub fn parallel_sum(numbers: &[u64], workers: usize, recorder: &Recorder) -> u64 {
    // At most `workers` chunks. `max(1)`: an empty slice gives a size of 0, and `chunks(0)`
    // panics; zero workers is treated as one.
    let size = numbers.len().div_ceil(workers.max(1)).max(1);
    thread::scope(|scope| {
        // Spawn them all first, so that every chunk is being added up at the same time.
        let handles: Vec<_> = numbers
            .chunks(size)
            .enumerate()
            .map(|(chunk_number, chunk)| {
                scope.spawn(move || sum_chunk(recorder, chunk_number, chunk))
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a summing thread panicked"))
            .sum()
    })
}

/// Exercise 2.2: a thread per job; each join's `Err` turned into the panic's message.
pub fn run_jobs(jobs: Vec<Job>) -> Vec<Result<u64, String>> {
    // A `Job` is a `Box<dyn FnOnce() -> u64 + Send + 'static>`, which is itself such a
    // closure, so `thread::spawn` takes it as it is.
    let handles: Vec<thread::JoinHandle<u64>> = jobs.into_iter().map(thread::spawn).collect();
    handles
        .into_iter()
        .map(|handle| handle.join().map_err(|payload| panic_message(&*payload)))
        .collect()
}

/// The text a panic was given: a `&'static str` for `panic!("literal")`, a `String` for
/// `panic!("{}", ...)`.
fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&'static str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "the job panicked with a payload that is not text".to_owned()
    }
}
