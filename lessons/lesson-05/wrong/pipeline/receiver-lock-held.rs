// WRONG [lock-held]: the workers share the job receiver through a Mutex whose guard lives through the whole loop body, so they do the jobs one at a time. => "at most 1 did"
// The reference answer (src/solutions/pipeline.rs) with the mistake written in:
// REPLACE
//! Exercise 5.1 `pipeline`, the reference answer.

use std::thread;
// WITH
//! Exercise 5.1 `pipeline`: a wrong answer from the catalogue (its first line says what is wrong).

use std::sync::{Mutex, PoisonError};
use std::thread;
// END
// REPLACE
    let (result_sender, result_receiver) = channel::bounded::<Done>(capacity);
// WITH
    let (result_sender, result_receiver) = channel::bounded::<Done>(capacity);
    let shared_jobs = Mutex::new(job_receiver.clone());
// END
// REPLACE
            let (jobs, results) = (job_receiver.clone(), result_sender.clone());
// WITH
            let (jobs, results) = (&shared_jobs, result_sender.clone());
// END
// REPLACE
                for job in jobs {
// WITH
                // Deliberately wrong: the guard is a temporary of the `while let` scrutinee, so
                // it is held through `process` and the workers take turns.
                while let Ok(job) = jobs.lock().unwrap_or_else(PoisonError::into_inner).recv() {
// END
