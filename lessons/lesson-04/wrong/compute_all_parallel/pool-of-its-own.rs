// WRONG [hardcoded]: the jobs run on a pool of its own with a fixed 2 threads, not in the pool it is called in. => "batches of at most 2"
// The reference answer (src/solutions/compute_all_parallel.rs) with the mistake written in:
// REPLACE
    let results = jobs
        .par_iter()
        .enumerate()
        .map(|(index, &n)| compute_native(&recorder, index, n))
        .collect();
// WITH
    // Deliberately wrong: a pool of two threads ("one per core"), whatever the caller's pool.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("the pool starts");
    let results = pool.install(|| {
        jobs.par_iter()
            .enumerate()
            .map(|(index, &n)| compute_native(&recorder, index, n))
            .collect()
    });
// END
