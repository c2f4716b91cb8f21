// WRONG [batches]: the jobs are started two at a time and each pair is joined before the next pair starts. => "batches of at most 2"
// The reference answer (src/solutions/run_jobs.rs) with the mistake written in:
// REPLACE
    let handles: Vec<thread::JoinHandle<u64>> = jobs.into_iter().map(thread::spawn).collect();
    handles
        .into_iter()
        .map(|handle| handle.join().map_err(|payload| panic_message(&*payload)))
        .collect()
// WITH
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
// END
