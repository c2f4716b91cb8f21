// WRONG [order]: the results come back on a channel, in the order the jobs finish rather than the order they were given. => "in the wrong order"
// The reference answer (src/solutions/run_jobs.rs) with the mistake written in:
// REPLACE
    let handles: Vec<thread::JoinHandle<u64>> = jobs.into_iter().map(thread::spawn).collect();
    handles
        .into_iter()
        .map(|handle| handle.join().map_err(|payload| panic_message(&*payload)))
        .collect()
// WITH
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
// END
