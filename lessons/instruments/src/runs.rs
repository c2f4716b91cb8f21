//! Timing runs the way a noisy shared machine needs: each run with its own recorder, several
//! runs kept and the median (or fastest) one reported, and big counts printed readably
//! (`4,000,000`, or `4_000_000` as a literal).

use std::time::{Duration, Instant};

use crate::record::{Recorder, Span};

/// One timed run: how long it took, what it returned, and what it recorded.
#[derive(Debug, Clone)]
pub struct Timed<T> {
    /// Wall time of the whole run.
    pub elapsed: Duration,
    /// What the run returned.
    pub value: T,
    /// The spans it recorded.
    pub spans: Vec<Span>,
}

/// Runs `run` with a fresh recorder and times it.
pub fn timed<T>(run: impl FnOnce(&Recorder) -> T) -> Timed<T> {
    let recorder = Recorder::new();
    let started = Instant::now();
    let value = run(&recorder);
    Timed {
        elapsed: started.elapsed(),
        value,
        spans: recorder.spans(),
    }
}

/// The middle one of some runs, by `key` (the upper middle one of an even number).
///
/// # Panics
/// If `runs` is empty.
pub fn median_by_key<T, K: Ord>(mut runs: Vec<T>, key: impl FnMut(&T) -> K) -> T {
    runs.sort_by_key(key);
    runs.swap_remove(runs.len() / 2)
}

/// Which run of several a report shows, in words: "one run", "best of 5 runs", "median of 5
/// runs".
pub fn kept(repeats: usize, keep: crate::compare::Keep) -> String {
    match (repeats, keep) {
        (0 | 1, _) => "one run".to_owned(),
        (n, crate::compare::Keep::Best) => format!("best of {n} runs"),
        (n, crate::compare::Keep::Median) => format!("median of {n} runs"),
    }
}

/// A count with thousands separators: `4,000,000`.
pub fn thousands(n: u64) -> String {
    grouped(n, ',')
}

/// A count with its digits in groups of three, joined by `separator`: `grouped(14_690_759,
/// '_')` is `14_690_759`, as a Rust or Python literal writes it.
pub fn grouped(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timed_runs_keep_value_and_spans() {
        let run = timed(|recorder| recorder.record("thread 1", "counting", || 7));
        assert_eq!((run.value, run.spans.len()), (7, 1));
    }

    #[test]
    fn the_median_is_the_middle_run() {
        assert_eq!(median_by_key(vec![3, 1, 2], |&n| n), 2);
        assert_eq!(median_by_key(vec![4, 1, 3, 2], |&n| n), 3);
    }

    #[test]
    fn the_kept_run_reads_well() {
        use crate::compare::Keep;
        assert_eq!(kept(1, Keep::Best), "one run");
        assert_eq!(kept(5, Keep::Best), "best of 5 runs");
        assert_eq!(kept(3, Keep::Median), "median of 3 runs");
    }

    #[test]
    fn counts_read_well() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(4_000_000), "4,000,000");
        assert_eq!(grouped(1_000, '_'), "1_000");
        assert_eq!(grouped(14_690_759, '_'), "14_690_759");
    }
}
