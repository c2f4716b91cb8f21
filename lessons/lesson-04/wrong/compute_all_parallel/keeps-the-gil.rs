// WRONG [lock-held]: the jobs compute on rayon with the GIL still held, so no other Python thread runs meanwhile. => "the caller kept the GIL during the native work"
// The reference answer (src/solutions/compute_all_parallel.rs) with the mistake written in:
// REPLACE
    thread.release_gil();
    let results = jobs
        .par_iter()
// WITH
    // Deliberately wrong: the GIL is kept for the whole native computation.
    jobs.par_iter()
// END
// REPLACE
        .collect();
    thread.acquire_gil();
    results
// WITH
        .collect()
// END
