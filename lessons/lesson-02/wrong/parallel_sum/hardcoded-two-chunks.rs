// WRONG [hardcoded]: the slice is always cut in two (one chunk per core here), whatever `workers` says. => "fewer chunks than `workers` allows"
// The reference answer (src/solutions/parallel_sum.rs) with the mistake written in:
// REPLACE
    // At most `workers` chunks. `max(1)`: an empty slice gives a size of 0, and `chunks(0)`
    // panics; zero workers is treated as one.
    let size = numbers.len().div_ceil(workers.max(1)).max(1);
// WITH
    let _ = workers;
    // Deliberately wrong: two chunks, the number of cores of the machine it was written on,
    // instead of the `workers` the caller asked for.
    let size = numbers.len().div_ceil(2).max(1);
// END
