//! Lesson 02 exercises: a parallel sum on scoped threads, and jobs whose panics are caught.
//!
//! Check your answers with `cargo test -p lesson-02`. The checks want the right answers *and*
//! work that really ran on several threads at once (read from recorded spans, not the clock):
//! a sequential answer gets the right numbers and still fails.

use instruments::Recorder;

#[allow(unused_imports)] // you will need these
use crate::{Job, sum_chunk};

/// Exercise 2.1: add up `numbers` on `workers` scoped threads, one chunk each, and return the
/// total.
///
/// Cut `numbers` into at most `workers` chunks of nearly equal length, spawn one scoped thread
/// per chunk, and have each one add up its chunk with
/// [`sum_chunk(recorder, chunk_number, chunk)`](crate::sum_chunk), which records the chunk as a
/// span (that is how the check sees the threads work at once). Then join them all and add up
/// their answers.
///
/// It must be exact for any `workers >= 1`: also more workers than numbers, and an empty
/// slice (whose sum is 0).
///
/// Hint: `numbers.chunks(size)` cuts a slice into pieces of `size` (the last may be shorter),
/// with `size = numbers.len().div_ceil(workers)`. But `chunks(0)` panics, and an empty slice
/// gives a size of 0. Spawn every thread first, then join: joining inside the loop that spawns
/// waits for each chunk before the next one starts.
pub fn parallel_sum(numbers: &[u64], workers: usize, recorder: &Recorder) -> u64 {
    // TODO: inside `std::thread::scope`, spawn one thread per chunk, each calling
    // `sum_chunk(recorder, chunk_number, chunk)`; collect the handles, then join them and add
    // up the results.
    let _ = (numbers, workers, recorder);
    todo!(
        "exercise 2.1 `parallel_sum` in lessons/lesson-02/src/exercises.rs: \
         sum the chunks on scoped threads (one per chunk, calling sum_chunk) and add them up"
    )
}

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
        "exercise 2.2 `run_jobs` in lessons/lesson-02/src/exercises.rs: \
         spawn a thread per job, join them in order, and turn each panic into Err(message)"
    )
}
