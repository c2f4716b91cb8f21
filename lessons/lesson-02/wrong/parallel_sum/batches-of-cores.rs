// WRONG [batches]: threads are started two at a time (one per core) and each pair is joined before the next starts. => "batches of at most 2"
// The reference answer (src/solutions/parallel_sum.rs) with the mistake written in:
// REPLACE
    let size = numbers.len().div_ceil(workers.max(1)).max(1);
// WITH
    let size = numbers.len().div_ceil(workers.max(1)).max(1);
    let chunks: Vec<(usize, &[u64])> = numbers.chunks(size).enumerate().collect();
// END
// REPLACE
        // Spawn them all first, so that every chunk is being added up at the same time.
        let handles: Vec<_> = numbers
            .chunks(size)
            .enumerate()
            .map(|(chunk_number, chunk)| {
                scope.spawn(move || sum_chunk(recorder, chunk_number, chunk))
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a summing thread panicked"))
            .sum()
// WITH
        let mut total = 0;
        // Deliberately wrong: two threads at a time ("there are only two cores"), each pair
        // joined before the next pair starts.
        for pair in chunks.chunks(2) {
            let handles: Vec<_> = pair
                .iter()
                .map(|&(chunk_number, chunk)| {
                    scope.spawn(move || sum_chunk(recorder, chunk_number, chunk))
                })
                .collect();
            for handle in handles {
                total += handle.join().expect("a summing thread panicked");
            }
        }
        total
// END
