// WRONG [lock-held]: the GIL is taken back before `collect`, and a rayon iterator computes nothing until collected, so the jobs run holding the GIL. => "the caller kept the GIL during the native work"
// The reference answer (src/solutions/compute_all_parallel.rs) with the mistake written in:
// REPLACE
        .map(|(index, &n)| compute_native(&recorder, index, n))
        .collect();
// WITH
        .map(|(index, &n)| compute_native(&recorder, index, n));
    // Deliberately wrong: taken back before `collect`, which is where the jobs really run.
// END
// REPLACE
    results
// WITH
    results.collect()
// END
