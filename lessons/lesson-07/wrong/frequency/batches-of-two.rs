// WRONG [batches]: the shares are counted two at a time (a scope per pair of workers), so never more than two workers count at once. => "at most 2 did"
// The reference answer (src/solutions/frequency.rs) with the mistake written in:
// REPLACE
//! Exercise 7.1 `frequency`, the reference answer.
// WITH
//! Exercise 7.1 `frequency`: a wrong answer from the catalogue (its first line says what is wrong).
// END
// REPLACE
    let size = texts.len().div_ceil(workers.max(1)).max(1);
// WITH
    let size = texts.len().div_ceil(workers.max(1)).max(1);
    let shares: Vec<&[&str]> = texts.chunks(size).collect();
    let mut total = HashMap::new();
    // Deliberately wrong: a scope per batch of two shares, so the batches run in turn.
    for batch in shares.chunks(2) {
        merge(&mut total, count_batch(batch, recorder));
    }
    total
}

fn merge(total: &mut HashMap<char, usize>, counts: HashMap<char, usize>) {
    for (letter, n) in counts {
        *total.entry(letter).or_insert(0) += n;
    }
}

fn count_batch(batch: &[&[&str]], recorder: &Recorder) -> HashMap<char, usize> {
// END
// REPLACE
        let handles: Vec<_> = texts
            .chunks(size)
            .map(|share| {
// WITH
        let handles: Vec<_> = batch
            .iter()
            .map(|&share| {
// END
