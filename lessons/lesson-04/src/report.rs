//! How the demonstration (`src/main.rs`) turns runs into rows of its table: timing variants
//! (best of a few runs, taken in turns), reading figures from their recorded spans, and adding
//! the tutorials' Python timings.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use instruments::summary::{distinct_threads, max_concurrent, speedup};
use instruments::timeline::format_duration;
use instruments::{Lesson, Measurement, Recorder, Span};

use crate::python::{self, PythonError};
use crate::{COMPUTES, HOLDS_GIL, WAITS_ON_IO};

/// One way to run the jobs: its name, the index of the variant its speedup is measured against,
/// and the run itself, which gets a fresh recorder and returns how many results came back.
pub type Variant<'a> = (&'a str, usize, &'a dyn Fn(&Recorder) -> usize);

/// Runs every variant `repeats` times, taking them in turns (first, second, third, first, ...)
/// so that a slow moment of a shared machine falls on all of them alike, and keeps each one's
/// fastest run. Adds a row per variant, with its speedup over its baseline and figures read
/// from its spans, keeps its timeline, and returns the times in order.
pub fn measure<const N: usize>(
    lesson: &mut Lesson,
    repeats: usize,
    results: usize,
    variants: [Variant<'_>; N],
) -> [Duration; N] {
    let mut best: [Option<(Duration, Vec<Span>)>; N] = std::array::from_fn(|_| None);
    for _ in 0..repeats.max(1) {
        for ((name, _, run), kept) in variants.iter().zip(&mut best) {
            let recorder = Recorder::new();
            let started = Instant::now();
            let count = run(&recorder);
            let elapsed = started.elapsed();
            assert_eq!(count, results, "{name}: every job returns a result");
            if kept.as_ref().is_none_or(|(fastest, _)| elapsed < *fastest) {
                *kept = Some((elapsed, recorder.spans()));
            }
        }
    }
    let times = best
        .each_ref()
        .map(|kept| kept.as_ref().map_or(Duration::ZERO, |k| k.0));
    for ((name, baseline, _), kept) in variants.iter().zip(best) {
        let (elapsed, spans) = kept.unwrap_or_default();
        lesson.measure(row(name, elapsed, times[*baseline], &spans));
        lesson.timeline(*name, spans);
    }
    times
}

/// A table row: the time, the speedup over `baseline`, and what the spans say about the GIL.
fn row(name: &str, elapsed: Duration, baseline: Duration, spans: &[Span]) -> Measurement {
    let labelled =
        |label: &str| -> Vec<Span> { spans.iter().filter(|s| s.label == label).cloned().collect() };
    let (holds_gil, in_io) = (labelled(HOLDS_GIL), labelled(WAITS_ON_IO));
    let mut row = Measurement::new(name, elapsed)
        .with("speedup", speedup(baseline, elapsed))
        .with("threads_used", distinct_threads(spans));
    if holds_gil.is_empty() {
        // Native Rust: nothing to say about a GIL.
        row = row.with("most_running", max_concurrent(&labelled(COMPUTES)));
    } else {
        // Each Python thread's first hold is its start; every further one follows a release.
        let python_threads = holds_gil.iter().map(|s| &s.task).collect::<BTreeSet<_>>();
        row = row
            .with("gil_releases", holds_gil.len() - python_threads.len())
            .with("most_running", max_concurrent(&holds_gil));
    }
    if !in_io.is_empty() {
        row = row.with("most_in_io", max_concurrent(&in_io));
    }
    row
}

/// Runs one of the tutorials' Python programs (`file`, with one argument) within `limit` and
/// adds its timings as rows `python <group>: sequential`, `threads`, `processes`, with derived
/// speedups. Returns the sentence to print: the speedups, or why there are none.
pub fn python_rows(
    lesson: &mut Lesson,
    group: &str,
    file: &str,
    arg: String,
    limit: Duration,
) -> String {
    let report = match python::run(&python::script(file), &[arg], limit) {
        Ok(report) => report,
        Err(error) => {
            lesson.derive(&format!("python_{group}"), format!("not run: {error}"));
            let outcome = match error {
                PythonError::Missing(_) => "skipped",
                _ => "no timings",
            };
            return format!("python {group} ({file}): {outcome}, {error}.");
        }
    };
    let version = report["python"].as_str().unwrap_or("?").to_owned();
    lesson.derive(&format!("python_{group}"), version.clone());
    let Some(sequential) = python::seconds(&report, "sequential") else {
        return format!("python {group} ({file}): no sequential timing in its report.");
    };
    let mut parts = Vec::new();
    for key in ["sequential", "threads", "processes"] {
        let Some(elapsed) = python::seconds(&report, key) else {
            continue;
        };
        let ratio = speedup(sequential, elapsed);
        lesson.measure(
            Measurement::new(format!("python {group}: {key}"), elapsed).with("speedup", ratio),
        );
        if key != "sequential" {
            lesson.derive(&format!("python_{group}_{key}_speedup"), ratio);
            parts.push(format!("{key} {ratio:.2}x"));
        }
    }
    // What the script ran, from its own report: `4 jobs of 5_000_000 terms`, `4 downloads of
    // 50 ms`.
    let count = |key: &str| report[key].as_u64().unwrap_or(0);
    let what = match python::seconds(&report, "latency") {
        Some(latency) => format!(
            "{} downloads of {}",
            count("downloads"),
            format_duration(latency)
        ),
        None => format!("{} jobs of {} terms", count("jobs"), grouped(count("size"))),
    };
    format!(
        "CPython {version}, {what}: {} the sequential speed.",
        parts.join(", ")
    )
}

/// A count with its digits grouped in threes the way Python and Rust literals allow:
/// `5_000_000`.
pub fn grouped(count: u64) -> String {
    let digits = count.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push('_');
        }
        out.push(digit);
    }
    out
}

#[cfg(all(test, feature = "solutions"))]
mod tests {
    use super::grouped;

    #[test]
    fn counts_are_grouped_in_threes() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1_000");
        assert_eq!(grouped(14_690_759), "14_690_759");
    }
}
