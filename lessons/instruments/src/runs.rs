//! Timing runs the way a noisy shared machine needs: each run with its own recorder, several
//! runs kept and the median (or fastest) one reported, and big counts printed readably.

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

/// A count with thousands separators: `4,000,000`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push(',');
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
    fn counts_read_well() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(4_000_000), "4,000,000");
    }
}
