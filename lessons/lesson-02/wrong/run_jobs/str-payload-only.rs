// WRONG [result]: only `&str` panic payloads are read, so a `panic!` with `{}` arguments (a String) loses its message. => "carries a String"
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
        .map(|handle| handle.join().map_err(|payload| panic_message(&*payload)))
        .collect()
}

/// The text a panic was given: a `&'static str` for `panic!("literal")`, a `String` for
/// `panic!("{}", ...)`.
fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&'static str>() {
        (*text).to_owned()
    } else {
        // Deliberately wrong: `panic!("batch {} burnt", 4)` carries a String, not a &str.
        "the job panicked with a payload that is not text".to_owned()
    }
}
