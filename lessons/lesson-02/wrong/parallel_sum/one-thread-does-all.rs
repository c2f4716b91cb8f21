// WRONG [sequential]: one spawned thread adds up every chunk, one after another. => "each chunk gets its own thread"
// The reference answer (src/solutions/parallel_sum.rs) with the mistake written in:
// REPLACE
        // Spawn them all first, so that every chunk is being added up at the same time.
        let handles: Vec<_> = numbers
            .chunks(size)
            .enumerate()
            .map(|(chunk_number, chunk)| {
                scope.spawn(move || sum_chunk(recorder, chunk_number, chunk))
// WITH
        // Deliberately wrong: one thread, looping over every chunk.
        scope
            .spawn(move || {
                numbers
                    .chunks(size)
                    .enumerate()
                    .map(|(chunk_number, chunk)| sum_chunk(recorder, chunk_number, chunk))
                    .sum()
// END
// REPLACE
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a summing thread panicked"))
            .sum()
// WITH
            .join()
            .expect("the summing thread panicked")
// END
