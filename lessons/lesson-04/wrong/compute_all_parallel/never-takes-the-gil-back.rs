// WRONG [result]: the GIL is released for the jobs and never taken back. => "returned without the GIL"
// The reference answer (src/solutions/compute_all_parallel.rs) with the mistake written in:
// REPLACE
    let results = jobs
        .par_iter()
// WITH
    // Deliberately wrong: the GIL is not taken back before returning.
    jobs.par_iter()
// END
// REPLACE
        .collect();
    thread.acquire_gil();
    results
// WITH
        .collect()
// END
