// WRONG [result]: `join().unwrap()` passes a job's panic on to the caller, losing every other job's answer. => "must become `Err(its message)`"
//! Exercise 2.2, the reference answer.

use std::any::Any;
use std::thread;

use crate::Job;

/// Exercise 2.2: a thread per job; each join's `Err` turned into the panic's message.
pub fn run_jobs(jobs: Vec<Job>) -> Vec<Result<u64, String>> {
    // A `Job` is a `Box<dyn FnOnce() -> u64 + Send + 'static>`, which is itself such a
    // closure, so `thread::spawn` takes it as it is.
    let handles: Vec<thread::JoinHandle<u64>> = jobs.into_iter().map(thread::spawn).collect();
    handles
        .into_iter()
        // Deliberately wrong: `unwrap` turns a job's panic into a panic of `run_jobs` itself.
        .map(|handle| Ok(handle.join().unwrap()))
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
