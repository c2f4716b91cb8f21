// WRONG [sequential]: each thread is joined in the loop that spawns it, so the chunks are added one after another. => "at most 1 did"
// The reference answer (src/solutions/parallel_sum.rs) with the mistake written in:
// REPLACE
        // Spawn them all first, so that every chunk is being added up at the same time.
        let handles: Vec<_> = numbers
// WITH
        numbers
// END
// REPLACE
                scope.spawn(move || sum_chunk(recorder, chunk_number, chunk))
// WITH
                // Deliberately wrong: joined as soon as it is spawned, before the next starts.
                scope
                    .spawn(move || sum_chunk(recorder, chunk_number, chunk))
                    .join()
                    .expect("a summing thread panicked")
// END
// REPLACE
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a summing thread panicked"))
// WITH
// END
