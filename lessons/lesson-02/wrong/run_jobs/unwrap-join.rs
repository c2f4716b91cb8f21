// WRONG [result]: `join().unwrap()` passes a job's panic on to the caller, losing every other job's answer. => "must become `Err(its message)`"
// The reference answer (src/solutions/run_jobs.rs) with the mistake written in:
// REPLACE
        .map(|handle| handle.join().map_err(|payload| panic_message(&*payload)))
// WITH
        // Deliberately wrong: `unwrap` turns a job's panic into a panic of `run_jobs` itself.
        .map(|handle| Ok(handle.join().unwrap()))
// END
