// WRONG [sequential]: `iter` instead of `par_iter`, so the jobs compute one after another on the calling thread. => "on at least 2 threads"
// The reference answer (src/solutions/compute_all_parallel.rs) with the mistake written in:
// REPLACE
    thread.release_gil();
// WITH
    thread.release_gil();
    // Deliberately wrong: `iter`, not `par_iter`: one job after another.
// END
// REPLACE
        .par_iter()
// WITH
        .iter()
// END
