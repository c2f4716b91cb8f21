//! Exercise 2.2: run jobs on their own threads, and catch their panics.

#[allow(unused_imports)] // you will need it
use crate::Job;

/// Exercise 2.2: run every job on its own thread, all at the same time, and return, in the
/// order of `jobs`, each job's answer as `Ok(answer)`, or, for a job that panicked,
/// `Err(its panic message)`. One panicking job must lose no other job's answer.
///
/// The message is the text given to `panic!`: `panic!("the oven caught fire")` gives
/// `"the oven caught fire"`, and `panic!("batch {} burnt", 3)` gives `"batch 3 burnt"`. For a
/// panic that carries something other than text (`std::panic::panic_any(7)`), return any
/// message you like.
///
/// Hint: `handle.join()` is `Err(payload)` for a thread that panicked, and the payload is a
/// `Box<dyn Any + Send>`. A `panic!` with a plain literal carries a `&'static str`, one with
/// `{}` arguments a `String`: try `payload.downcast_ref::<&str>()`, then
/// `payload.downcast_ref::<String>()`. (Call it on the payload itself, not on `&payload`:
/// a `&Box<...>` would make the Box itself the `Any`, and neither downcast would match.)
pub fn run_jobs(jobs: Vec<Job>) -> Vec<Result<u64, String>> {
    // TODO: spawn a thread per job (a `Job` is a closure `thread::spawn` accepts as it is);
    // then join the handles in order, turning each `Err(payload)` into its message.
    let _ = jobs;
    todo!(
        "exercise 2.2 `run_jobs` (lessons/lesson-02/src/exercises/run_jobs.rs): \
         spawn a thread per job, join them in order, and turn each panic into Err(message)"
    )
}
