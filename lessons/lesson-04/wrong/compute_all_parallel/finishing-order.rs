// WRONG [order]: each job pushes its result into a shared Vec as it finishes, so the results come out in finishing order. => "in the wrong order"
// The reference answer (src/solutions/compute_all_parallel.rs) with the mistake written in:
// REPLACE
    let results = jobs
        .par_iter()
        .enumerate()
        .map(|(index, &n)| compute_native(&recorder, index, n))
        .collect();
// WITH
    let results = std::sync::Mutex::new(Vec::new());
    // Deliberately wrong: pushed as each job finishes, so in finishing order, not job order.
    jobs.par_iter().enumerate().for_each(|(index, &n)| {
        let answer = compute_native(&recorder, index, n);
        results.lock().expect("no job panics").push(answer);
    });
// END
// REPLACE
    results
// WITH
    results.into_inner().expect("no job panics")
// END
