// WRONG [result]: the chunk size is rounded down and `chunks_exact` drops the numbers left over. => "were never added"
// The reference answer (src/solutions/parallel_sum.rs) with the mistake written in:
// REPLACE
    // At most `workers` chunks. `max(1)`: an empty slice gives a size of 0, and `chunks(0)`
    // panics; zero workers is treated as one.
    let size = numbers.len().div_ceil(workers.max(1)).max(1);
// WITH
    // Deliberately wrong: rounded down, and `chunks_exact` drops the remainder, so the last
    // `len % workers` numbers are never added.
    let size = (numbers.len() / workers.max(1)).max(1);
// END
// REPLACE
            .chunks(size)
// WITH
            .chunks_exact(size)
// END
