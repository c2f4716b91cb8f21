// WRONG [batches]: the jobs are started two at a time and each pair is joined before the next pair starts. => "batches of at most 2"
//! Exercise 2.2, the reference answer.

use std::any::Any;
use std::thread;

use crate::Job;

/// Exercise 2.2: a thread per job; each join's `Err` turned into the panic's message.
pub fn run_jobs(jobs: Vec<Job>) -> Vec<Result<u64, String>> {
    // A `Job` is a `Box<dyn FnOnce() -> u64 + Send + 'static>`, which is itself such a
    // closure, so `thread::spawn` takes it as it is.
    let mut jobs = jobs.into_iter().peekable();
    let mut results = Vec::new();
    // Deliberately wrong: two threads at a time ("one per core"), each pair joined before the
    // next pair starts.
    while jobs.peek().is_some() {
        let handles: Vec<thread::JoinHandle<u64>> =
            jobs.by_ref().take(2).map(thread::spawn).collect();
        for handle in handles {
            results.push(handle.join().map_err(|payload| panic_message(&*payload)));
        }
    }
    results
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
