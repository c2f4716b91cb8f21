// WRONG [sequential]: each job's thread is joined in the loop that spawns it, so the jobs run one after another. => "at most 1 did"
// The reference answer (src/solutions/run_jobs.rs) with the mistake written in:
// REPLACE
    let handles: Vec<thread::JoinHandle<u64>> = jobs.into_iter().map(thread::spawn).collect();
    handles
        .into_iter()
        .map(|handle| handle.join().map_err(|payload| panic_message(&*payload)))
// WITH
    jobs.into_iter()
        // Deliberately wrong: joined as soon as it is spawned, before the next job starts.
        .map(|job| {
            thread::spawn(job)
                .join()
                .map_err(|payload| panic_message(&*payload))
        })
// END
