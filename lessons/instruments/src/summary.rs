//! Figures computed from recorded spans: how much overlapped, how many threads took part, how
//! many spans were open at once, and ratios between runs.

use std::collections::BTreeSet;
use std::time::Duration;

use crate::record::Span;

/// What a set of spans says about a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// From the first span's start to the last span's end.
    pub wall: Duration,
    /// The sum of every span's duration (the sequential cost of the same work).
    pub busy: Duration,
    /// Time during which at least two spans were open.
    pub overlap: Duration,
    /// The largest number of spans open at one moment.
    pub max_concurrent: usize,
    /// How many distinct OS threads recorded spans.
    pub threads: usize,
    /// How many distinct tasks (rows) recorded spans.
    pub tasks: usize,
}

impl Summary {
    /// Summarises a set of spans; an empty set gives all zeros.
    pub fn of(spans: &[Span]) -> Summary {
        let first = spans.iter().map(|s| s.start).min().unwrap_or_default();
        let last = spans.iter().map(|s| s.end).max().unwrap_or_default();
        let (overlap, max_concurrent) = sweep(spans);
        Summary {
            wall: last.saturating_sub(first),
            busy: spans.iter().map(Span::duration).sum(),
            overlap,
            max_concurrent,
            threads: spans
                .iter()
                .map(|s| s.thread)
                .collect::<BTreeSet<_>>()
                .len(),
            tasks: spans
                .iter()
                .map(|s| s.task.as_str())
                .collect::<BTreeSet<_>>()
                .len(),
        }
    }
}

/// Walks the span edges in time order: returns the time with two or more spans open and the
/// largest number open at once. An end at the same instant as a start is taken first, so spans
/// that merely touch do not count as concurrent.
fn sweep(spans: &[Span]) -> (Duration, usize) {
    let mut edges: Vec<(Duration, i32)> = spans
        .iter()
        .filter(|s| s.end > s.start)
        .flat_map(|s| [(s.start, 1), (s.end, -1)])
        .collect();
    edges.sort();
    let (mut open, mut most, mut overlap) = (0_i32, 0_i32, Duration::ZERO);
    let mut previous = Duration::ZERO;
    for (at, change) in edges {
        if open >= 2 {
            overlap += at - previous;
        }
        open += change;
        most = most.max(open);
        previous = at;
    }
    (overlap, usize::try_from(most).unwrap_or(0))
}

/// The largest number of spans open at one moment.
pub fn max_concurrent(spans: &[Span]) -> usize {
    sweep(spans).1
}

/// How many distinct OS threads the spans ran on.
pub fn distinct_threads(spans: &[Span]) -> usize {
    spans
        .iter()
        .map(|s| s.thread)
        .collect::<BTreeSet<_>>()
        .len()
}

/// `numerator / denominator` in seconds, or 0 when the denominator is zero.
pub fn ratio(numerator: Duration, denominator: Duration) -> f64 {
    if denominator.is_zero() {
        0.0
    } else {
        numerator.as_secs_f64() / denominator.as_secs_f64()
    }
}

/// How many times faster `measured` was than `baseline`.
pub fn speedup(baseline: Duration, measured: Duration) -> f64 {
    ratio(baseline, measured)
}

/// How close `measured` came to the best possible time: 1.0 is ideal, 1.05 is 5% over.
pub fn ratio_to_ideal(measured: Duration, ideal: Duration) -> f64 {
    ratio(measured, ideal)
}

/// The median of some durations (the middle one, or the mean of the two middle ones).
pub fn median(durations: &[Duration]) -> Duration {
    let mut sorted = durations.to_vec();
    sorted.sort();
    match sorted.len() {
        0 => Duration::ZERO,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(task: &str, thread: usize, start_ms: u64, end_ms: u64) -> Span {
        Span {
            task: task.into(),
            label: "work".into(),
            thread,
            thread_name: format!("thread-{thread}"),
            start: Duration::from_millis(start_ms),
            end: Duration::from_millis(end_ms),
        }
    }

    #[test]
    fn sequential_spans_do_not_overlap() {
        let spans = [
            span("a", 0, 0, 10),
            span("b", 0, 10, 20),
            span("c", 0, 20, 30),
        ];
        let summary = Summary::of(&spans);
        assert_eq!(summary.overlap, Duration::ZERO);
        assert_eq!(summary.max_concurrent, 1);
        assert_eq!(summary.wall, Duration::from_millis(30));
        assert_eq!(summary.threads, 1);
    }

    #[test]
    fn concurrent_spans_overlap() {
        let spans = [span("a", 0, 0, 10), span("b", 1, 5, 15), span("c", 2, 6, 8)];
        let summary = Summary::of(&spans);
        assert_eq!(summary.overlap, Duration::from_millis(5));
        assert_eq!(summary.max_concurrent, 3);
        assert_eq!(summary.busy, Duration::from_millis(22));
        assert_eq!(summary.threads, 3);
    }

    #[test]
    fn ratios_and_medians() {
        let ms = Duration::from_millis;
        assert!((speedup(ms(600), ms(200)) - 3.0).abs() < 1e-9);
        assert!((ratio_to_ideal(ms(210), ms(200)) - 1.05).abs() < 1e-9);
        assert_eq!(ratio(ms(1), Duration::ZERO), 0.0);
        assert_eq!(median(&[ms(3), ms(1), ms(2)]), ms(2));
        assert_eq!(
            median(&[ms(4), ms(1), ms(2), ms(3)]),
            Duration::from_micros(2500)
        );
    }
}
