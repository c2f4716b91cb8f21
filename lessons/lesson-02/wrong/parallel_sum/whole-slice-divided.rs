// WRONG [result]: every thread adds up the whole slice and the total is divided by the number of threads. => "added more than once"
// The reference answer (src/solutions/parallel_sum.rs) with the mistake written in:
// REPLACE
    // At most `workers` chunks. `max(1)`: an empty slice gives a size of 0, and `chunks(0)`
    // panics; zero workers is treated as one.
    let size = numbers.len().div_ceil(workers.max(1)).max(1);
// WITH
    let workers = workers.max(1);
// END
// REPLACE
        // Spawn them all first, so that every chunk is being added up at the same time.
        let handles: Vec<_> = numbers
            .chunks(size)
            .enumerate()
            .map(|(chunk_number, chunk)| {
                scope.spawn(move || sum_chunk(recorder, chunk_number, chunk))
            })
// WITH
        // Deliberately wrong: each thread adds up the whole slice, so the work is done
        // `workers` times; dividing by `workers` hides it from the answer.
        let handles: Vec<_> = (0..workers)
            .map(|chunk_number| scope.spawn(move || sum_chunk(recorder, chunk_number, numbers)))
// END
// REPLACE
            .sum()
// WITH
            .sum::<u64>()
            / workers as u64
// END
