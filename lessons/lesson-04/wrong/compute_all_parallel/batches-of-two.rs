// WRONG [batches]: the jobs go to rayon two at a time, each pair finished before the next starts. => "batches of at most 2"
// The reference answer (src/solutions/compute_all_parallel.rs) with the mistake written in:
// REPLACE
    thread.release_gil();
// WITH
    thread.release_gil();
    // Deliberately wrong: two jobs at a time ("two cores"), each pair done before the next.
// END
// REPLACE
        .par_iter()
// WITH
        .chunks(2)
// END
// REPLACE
        .map(|(index, &n)| compute_native(&recorder, index, n))
// WITH
        .flat_map(|(pair, two)| {
            two.par_iter()
                .enumerate()
                .map(|(index, &n)| compute_native(&recorder, pair * 2 + index, n))
                .collect::<Vec<u64>>()
        })
// END
