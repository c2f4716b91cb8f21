//! The demonstration's reading of its runs (`src/main.rs`): the runs on a fresh interpreter,
//! what each run's spans say about the GIL (how many threads, how many ran or waited on I/O at
//! once, how often the GIL changed hands), the verdicts in words, and the tutorials' own Python
//! programs' timings beside Rust's.

use std::collections::BTreeSet;
use std::fmt;
use std::time::Duration;

use instruments::compare::{Compared, Outcome, against_ideal};
use instruments::python::{self, PythonError};
use instruments::runs::thousands;
use instruments::summary::{max_concurrent, speedup};
use instruments::timeline::format_duration;
use instruments::{Lesson, Measurement, Recorder, Span};
use serde_json::Value;

use crate::{COMPUTES, DEFAULT_SWITCH_INTERVAL, HOLDS_GIL, WAITS_ON_IO};
use crate::{Interpreter, PyThread, compute, run_sequential, run_threads, terms_for};

/// `program` over `jobs` on a fresh interpreter (CPython's switch interval, spans recorded in
/// `recorder`), one job after another on its main thread.
pub fn gil_sequential<J>(
    recorder: &Recorder,
    jobs: &[J],
    program: fn(&mut PyThread, J) -> u64,
) -> Vec<u64>
where
    J: Clone,
{
    run_sequential(
        &Interpreter::new(DEFAULT_SWITCH_INTERVAL, recorder),
        jobs.to_vec(),
        program,
    )
}

/// `program` over `jobs` on a fresh interpreter, one Python thread per job.
pub fn gil_threads<J>(
    recorder: &Recorder,
    jobs: &[J],
    program: fn(&mut PyThread, J) -> u64,
) -> Vec<u64>
where
    J: Clone + Send + 'static,
{
    run_threads(
        &Interpreter::new(DEFAULT_SWITCH_INTERVAL, recorder),
        jobs.to_vec(),
        program,
    )
}

/// What the demonstration runs: four CPU-bound jobs sized for `job_time` each on this machine
/// (calibrated now), four downloads of `latency`, and how many runs of the CPU variants it
/// takes the best of (40 in a full run: a busy moment on a shared machine counts less).
#[derive(Debug, Clone)]
pub struct Sizes {
    /// Terms of the sum of squares per job.
    pub jobs: Vec<u64>,
    /// One wait per download.
    pub waits: Vec<Duration>,
    /// What one job was sized for.
    pub job_time: Duration,
    /// One download's wait: the ideal time for all four at once.
    pub latency: Duration,
    /// Runs of each CPU variant.
    pub repeats: usize,
}

impl Sizes {
    /// Small sizes for `--quick`, the chapter's otherwise; warms the machine up (rayon's pool
    /// starts its threads on first use; the CPU settles) so nothing timed pays for that.
    pub fn new(quick: bool) -> Sizes {
        let (job_time, latency, repeats) = match quick {
            true => (Duration::from_millis(8), Duration::from_millis(20), 1),
            false => (Duration::from_millis(10), Duration::from_millis(50), 40),
        };
        let jobs = vec![terms_for(job_time); 4];
        rayon::broadcast(|_| ());
        gil_sequential(&Recorder::new(), &jobs, compute);
        Sizes {
            jobs,
            waits: vec![latency; 4],
            job_time,
            latency,
            repeats,
        }
    }
}

impl fmt::Display for Sizes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Four CPU-bound jobs of {} terms each (sized for about {}), then four downloads of \
             {}; switch interval {}; CPU runs: best of {}.",
            grouped(self.jobs[0]),
            format_duration(self.job_time),
            format_duration(self.latency),
            format_duration(DEFAULT_SWITCH_INTERVAL),
            self.repeats,
        )
    }
}

/// The demonstration's conclusions, from its typed results.
#[derive(Debug, Clone, Copy)]
pub struct Verdicts {
    /// CPU-bound work on four GIL threads over one thread.
    pub cpu_gil_threads_speedup: f64,
    /// CPU-bound work on rayon (no GIL) over one thread.
    pub cpu_no_gil_speedup: f64,
    /// Four downloads on four GIL threads over one thread.
    pub io_gil_threads_speedup: f64,
    /// Four downloads on four GIL threads over one download's time.
    pub io_ratio_to_ideal: f64,
    /// The cores rayon had.
    pub cores: usize,
}

impl Verdicts {
    /// Reads the CPU and I/O comparisons (by the demonstration's keys).
    pub fn of(
        cpu: &Compared<Vec<u64>>,
        io: &Compared<Vec<u64>>,
        sizes: &Sizes,
        cores: usize,
    ) -> Self {
        Verdicts {
            cpu_gil_threads_speedup: cpu.speedup("cpu_sequential_gil", "cpu_gil_threads"),
            cpu_no_gil_speedup: cpu.speedup("cpu_sequential_no_gil", "cpu_rayon_no_gil"),
            io_gil_threads_speedup: io.speedup("io_sequential_gil", "io_gil_threads"),
            io_ratio_to_ideal: io.ratio_to_ideal("io_gil_threads", sizes.latency),
            cores,
        }
    }

    /// Adds the figures to the JSON report (`derived`) and says the verdicts in words.
    pub fn report(&self, lesson: &mut Lesson) {
        let Verdicts {
            cpu_gil_threads_speedup: gil_cpu,
            cpu_no_gil_speedup: no_gil,
            cores,
            ..
        } = *self;
        let io_ratio = self.io_ratio_to_ideal;
        lesson.derive("cpu_gil_threads_speedup", gil_cpu);
        lesson.derive("cpu_no_gil_speedup", no_gil);
        lesson.derive("io_gil_threads_speedup", self.io_gil_threads_speedup);
        lesson.derive("io_ratio_to_ideal", io_ratio);
        let verdict = match gil_cpu {
            s if (0.9..=1.1).contains(&s) => "no faster than one thread: one ran at a time",
            s if s > 1.1 => "faster than one thread, which a GIL should not allow (a busy moment?)",
            _ => "slower than one thread: switching cost more than usual (a busy machine?)",
        };
        let one = "the speed of one thread";
        lesson.say(format!(
            "GIL threads, CPU-bound: {gil_cpu:.2}x {one}, {verdict}."
        ));
        let verdict = match io_ratio {
            r if r <= 1.1 => "within 10% of one download: the waits overlapped",
            _ => "more than 10% over one download (a busy machine?)",
        };
        let time = format!("{io_ratio:.2}x one download's time");
        lesson.say(format!("GIL threads, I/O-bound: {time}, {verdict}."));
        // The ideal is `cores` times one thread's speed: as a ratio of times, cores / speedup.
        let verdict = against_ideal(cores as f64 / no_gil, 0.05);
        let ideal = format!("on {cores} cores (ideal {cores}x)");
        lesson.say(format!(
            "rayon, no GIL: {no_gil:.2}x {one} {ideal}, {verdict}."
        ));
    }
}

/// The tutorials' own programs (`python/cpu_bound.py` at their size, 5_000_000, or a small
/// one with `--quick`; `python/io_bound.py` with the lesson's latency), killed if stuck: their
/// rows join the table, and the sentences to print are returned.
pub fn python_programs(lesson: &mut Lesson, sizes: &Sizes) -> [String; 2] {
    let quick = lesson.quick();
    let limit = Duration::from_secs(if quick { 30 } else { 120 });
    let size = if quick { 100_000 } else { 5_000_000 }.to_string();
    let wait = sizes.latency.as_secs_f64().to_string();
    [
        python_rows(lesson, "cpu", "cpu_bound.py", size, limit),
        python_rows(lesson, "io", "io_bound.py", wait, limit),
    ]
}

/// The run a variant's speedup is measured against: the sequential one of its own kind (CPU
/// with the GIL, CPU without it, or I/O), by the demonstration's keys.
pub fn baseline(key: &str) -> &'static str {
    match key {
        key if key.starts_with("io_") => "io_sequential_gil",
        key if key.ends_with("_no_gil") => "cpu_sequential_no_gil",
        _ => "cpu_sequential_gil",
    }
}

/// A row's figures: the speedup over its [`baseline`], and what its spans say about the GIL.
///
/// # Panics
/// If a job returned no result: the run is not worth reporting.
pub fn figures(
    compared: &Compared<Vec<u64>>,
    run: &Outcome<Vec<u64>>,
) -> Vec<(&'static str, Value)> {
    assert_eq!(
        run.value.len(),
        4,
        "{}: every job returns a result",
        run.name
    );
    let labelled = |label: &str| -> Vec<Span> {
        run.spans
            .iter()
            .filter(|s| s.label == label)
            .cloned()
            .collect()
    };
    let (holds_gil, in_io) = (labelled(HOLDS_GIL), labelled(WAITS_ON_IO));
    let mut figures = vec![
        (
            "speedup",
            compared.speedup(baseline(run.key), run.key).into(),
        ),
        ("threads_used", run.summary.threads.into()),
    ];
    if holds_gil.is_empty() {
        // Native Rust: nothing to say about a GIL.
        figures.push(("most_running", max_concurrent(&labelled(COMPUTES)).into()));
    } else {
        // Each Python thread's first hold is its start; every further one follows a release.
        let python_threads = holds_gil.iter().map(|s| &s.task).collect::<BTreeSet<_>>();
        figures.push((
            "gil_releases",
            (holds_gil.len() - python_threads.len()).into(),
        ));
        figures.push(("most_running", max_concurrent(&holds_gil).into()));
    }
    if !in_io.is_empty() {
        figures.push(("most_in_io", max_concurrent(&in_io).into()));
    }
    figures
}

/// Runs one of the tutorials' Python programs (`file`, with one argument) within `limit` and
/// adds its timings as rows `python <group>: sequential`, `threads`, `processes`, with derived
/// speedups. Returns the sentence to print: the speedups, or why there are none.
fn python_rows(
    lesson: &mut Lesson,
    group: &str,
    file: &str,
    arg: String,
    limit: Duration,
) -> String {
    let script = python::script(env!("CARGO_MANIFEST_DIR"), file);
    let report = match python::run(&script, &[arg], limit) {
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
            Measurement::new(format!("python {group}: {key}"), elapsed)
                .key(&format!("python_{group}_{key}"))
                .with("speedup", ratio),
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
    thousands(count).replace(',', "_")
}

#[cfg(all(test, feature = "solutions"))]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_in_threes() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1_000");
        assert_eq!(grouped(14_690_759), "14_690_759");
    }

    #[test]
    fn each_kind_of_run_is_measured_against_its_own_sequential_run() {
        assert_eq!(baseline("cpu_gil_threads"), "cpu_sequential_gil");
        assert_eq!(baseline("cpu_rayon_no_gil"), "cpu_sequential_no_gil");
        assert_eq!(baseline("io_gil_threads"), "io_sequential_gil");
    }
}
