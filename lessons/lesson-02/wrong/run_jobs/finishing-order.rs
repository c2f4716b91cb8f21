// WRONG [order]: the results come back on a channel, in the order the jobs finish rather than the order they were given. => "in the wrong order"
//! Exercise 2.2, the reference answer.

use std::any::Any;
use std::thread;

use crate::Job;

/// Exercise 2.2: a thread per job; each join's `Err` turned into the panic's message.
pub fn run_jobs(jobs: Vec<Job>) -> Vec<Result<u64, String>> {
    // A `Job` is a `Box<dyn FnOnce() -> u64 + Send + 'static>`, which is itself such a
    // closure, so `thread::spawn` takes it as it is.
    let (results, received) = std::sync::mpsc::channel();
    for job in jobs {
        let results = results.clone();
        thread::spawn(move || {
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
            let _ = results.send(outcome.map_err(|payload| panic_message(&*payload)));
        });
    }
    drop(results);
    // Deliberately wrong: a channel delivers the results as the jobs finish, not in job order.
    received.iter().collect()
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
