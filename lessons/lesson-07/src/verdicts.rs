//! What the lesson's measurements mean (not shown in the chapter, which reads them): a pool
//! can be at best as fast as its busiest worker allows, the job sizes predict how much work
//! stealing gains, and how close each measured figure came to what was expected.

use std::time::Duration;

use instruments::Span;
use instruments::compare::{Columns, Compared};
use instruments::runs::thousands;
use instruments::summary::speedup;
use instruments::timeline::format_duration as time;

use crate::CurvePoint;

/// The variants of "the same CPU job on more and more threads": key, threads.
pub const CPU_THREADS: [(&str, usize); 5] = [
    ("cpu_1_thread", 1),
    ("cpu_2_threads", 2),
    ("cpu_4_threads", 4),
    ("cpu_64_threads", 64),
    ("cpu_1000_threads", 1000),
];

/// A speedup in words, ready for what it is compared with: "1.52x faster than", "1.30x
/// slower than" (a speedup below 1), or "about as fast as".
pub fn faster(speedup: f64) -> String {
    if (0.995..1.005).contains(&speedup) {
        "about as fast as".to_owned()
    } else if speedup >= 1.0 {
        format!("{speedup:.2}x faster than")
    } else {
        format!("{:.2}x slower than", 1.0 / speedup)
    }
}

/// How close a measured figure came to what was expected, in words.
pub fn verdict(got: f64, expected: f64) -> &'static str {
    match got / expected {
        r if r > 1.1 => "more than expected (a busy moment slowed the slower run?)",
        r if r >= 0.9 => "within 10% of it",
        r if r >= 0.7 => "short of it (a busy machine?)",
        _ => "far from it (were the other cores busy?)",
    }
}

/// "s" for a plural count.
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The share of a run's work (the summed length of its spans) done on its busiest thread: 0.5
/// when two workers did equal parts, 1.0 when one did everything. With this share, the run
/// could be at best `1 / share` times faster than one worker.
pub fn busiest_share(spans: &[Span]) -> f64 {
    let mut per_thread = std::collections::HashMap::new();
    for span in spans {
        *per_thread.entry(span.thread).or_insert(0.0) += span.duration().as_secs_f64();
    }
    let total: f64 = per_thread.values().sum();
    let busiest = per_thread.values().copied().fold(0.0, f64::max);
    if total > 0.0 { busiest / total } else { 1.0 }
}

/// The lesson's sizes: the full ones, or a hundredth of the work with `--quick`.
#[derive(Debug, Clone)]
pub struct Sizes {
    /// The cores the pools are sized for.
    pub cores: usize,
    /// CPU runs are the best of this many (the curve: of twice as many).
    pub best_of: usize,
    /// The tutorials' `compute_heavy` sizes.
    pub heavy: [u64; 3],
    /// [`Sizes::heavy`], largest first.
    pub descending: [u64; 3],
    /// One big job, then 30 small ones.
    pub uneven: Vec<u64>,
    /// How many downloads, and how long each one waits.
    pub downloads: (usize, Duration),
    /// The CPU job split over more and more threads, in terms.
    pub split: u64,
    /// The speedup curve's 12 equal jobs.
    pub curve: [u64; 12],
}

impl Sizes {
    /// The sizes for a machine of `cores` cores; a hundredth of the work when `quick`.
    pub fn new(cores: usize, quick: bool) -> Sizes {
        let (scale, best_of) = if quick { (100, 1) } else { (1, 7) };
        let heavy = crate::SIZES.map(|size| size / scale);
        Sizes {
            cores,
            best_of,
            heavy,
            descending: [heavy[2], heavy[1], heavy[0]],
            uneven: crate::uneven_jobs(120_000_000 / scale, 4_000_000 / scale, 30),
            downloads: (50, Duration::from_millis(if quick { 5 } else { 200 })),
            split: 60_000_000 / scale,
            curve: [20_000_000 / scale; 12],
        }
    }

    /// What the timelines show, said before they are drawn.
    pub fn heading(&self) -> String {
        let (heavy, best_of) = (self.heavy, self.best_of);
        format!("compute_heavy({heavy:?}), then uneven jobs; best of {best_of}:\n")
    }

    /// What the downloads' timeline shows, said before it is drawn.
    pub fn downloads_heading(&self) -> String {
        let (downloads, latency) = self.downloads;
        format!("{downloads} downloads of {} on a pool of 6:", time(latency))
    }

    /// A name for a run on `threads` threads: "CPU: 1 thread", "CPU: 64 threads".
    pub fn cpu_name(threads: usize) -> String {
        format!("CPU: {threads} thread{}", plural(threads))
    }
}

/// The same downloads in CPython (`python/default_pool.py`), when `python3` is installed: on
/// the default `ThreadPoolExecutor()` (`min(32, cores + 4)` workers), then on one worker per
/// download. Derives `python_version`, `python_default_workers`, `python_default_seconds` and
/// `python_one_per_download_seconds`, and returns the line to print; without `python3`, the
/// line says so and the lesson carries on.
pub fn python_default_pool(lesson: &mut instruments::Lesson, sizes: &Sizes) -> String {
    use instruments::python;
    let (downloads, latency) = sizes.downloads;
    let script = python::script(env!("CARGO_MANIFEST_DIR"), "default_pool.py");
    let args = [latency.as_secs_f64().to_string(), downloads.to_string()];
    let report = match python::run(&script, &args, Duration::from_secs(60)) {
        Ok(report) => report,
        Err(error) => {
            lesson.derive("python_version", format!("not run: {error}"));
            return format!("CPython (python/default_pool.py): not run, {error}.");
        }
    };
    let version = report["python"].as_str().unwrap_or("?");
    lesson.derive("python_version", version);
    let workers = report["default_workers"].as_u64().unwrap_or(0);
    lesson.derive("python_default_workers", workers);
    let (Some(default), Some(each)) = (
        python::seconds(&report, "default"),
        python::seconds(&report, "one_per_download"),
    ) else {
        return "CPython (python/default_pool.py): no timings in its report.".to_owned();
    };
    lesson.derive("python_default_seconds", default.as_secs_f64());
    lesson.derive("python_one_per_download_seconds", each.as_secs_f64());
    let cores = report["cores"].as_u64().unwrap_or(0);
    format!(
        "CPython {version}, the same {downloads} downloads: ThreadPoolExecutor() made {workers} \
         workers on {cores} cores and took {}; with max_workers={downloads}, {}.",
        time(default),
        time(each)
    )
}

/// The table's columns for a section: speedup over its first variant, threads, spans at once.
pub fn columns(base: &str) -> Columns<'_> {
    Columns {
        speedup_over: Some(base),
        spans: true,
        ideal: None,
    }
}

/// What the lesson measured, for its verdicts and its `--json` report.
#[derive(Debug)]
pub struct Measured<'a> {
    sizes: &'a Sizes,
    heavy: &'a Compared<Vec<u64>>,
    uneven: &'a Compared<u64>,
    io: &'a Compared<()>,
    cpu: &'a Compared<u64>,
    curve: &'a [CurvePoint],
}

impl<'a> Measured<'a> {
    /// `compute_heavy` one after another (`sequential`), with `par_iter` (`par_iter`) and
    /// largest first (`largest_first`); uneven jobs in `fixed_slices` and by `work_stealing`;
    /// downloads on pools of 6 (`io_6_workers`) and 50 (`io_50_workers`); the CPU job on the
    /// threads of [`CPU_THREADS`]; the speedup curve.
    pub fn new(
        sizes: &'a Sizes,
        (heavy, uneven): (&'a Compared<Vec<u64>>, &'a Compared<u64>),
        (io, cpu): (&'a Compared<()>, &'a Compared<u64>),
        curve: &'a [CurvePoint],
    ) -> Self {
        Measured {
            sizes,
            heavy,
            uneven,
            io,
            cpu,
            curve,
        }
    }

    /// Puts the ideal and the derived figures in the `--json` report, and says the verdicts
    /// and the speedup curve.
    pub fn report(&self, lesson: &mut instruments::Lesson) {
        lesson.ideal(self.ideal());
        for (key, value) in self.derived() {
            lesson.derive(key, value);
        }
        lesson.say(self.verdicts());
        let python = python_default_pool(lesson, self.sizes);
        lesson.say(python);
        lesson.say(self.curve());
    }

    /// The figures `--json` reports under `derived`, by key.
    pub fn derived(&self) -> Vec<(&'static str, serde_json::Value)> {
        let (heavy, uneven, io, cpu) = (self.heavy, self.uneven, self.io, self.cpu);
        let (jobs, cores) = (self.sizes.uneven.as_slice(), self.sizes.cores);
        let (busiest, balanced) = (
            crate::busiest_slice(jobs, cores),
            crate::balanced_load(jobs, cores),
        );
        vec![
            (
                "rayon_speedup",
                heavy.speedup("sequential", "par_iter").into(),
            ),
            (
                "largest_first_speedup",
                heavy.speedup("sequential", "largest_first").into(),
            ),
            (
                "best_possible_speedup",
                speedup(heavy.get("sequential").elapsed, self.ideal()).into(),
            ),
            (
                "work_stealing_gain",
                uneven.speedup("fixed_slices", "work_stealing").into(),
            ),
            (
                "work_stealing_expected_gain",
                (busiest as f64 / balanced as f64).into(),
            ),
            (
                "io_six_over_fifty",
                io.speedup("io_6_workers", "io_50_workers").into(),
            ),
            (
                "thousand_threads_over_one",
                cpu.speedup("cpu_1_thread", "cpu_1000_threads").into(),
            ),
            (
                "speedup_curve",
                serde_json::to_value(self.curve).unwrap_or_default(),
            ),
            (
                "par_iter_busiest_share",
                busiest_share(&heavy.get("par_iter").spans).into(),
            ),
            (
                "largest_first_busiest_share",
                busiest_share(&heavy.get("largest_first").spans).into(),
            ),
        ]
    }

    /// The longest single `compute_heavy` job of the sequential run.
    fn largest(&self) -> Duration {
        let spans = &self.heavy.get("sequential").spans;
        spans.iter().map(Span::duration).max().unwrap_or_default()
    }

    /// The best possible time for `compute_heavy` on the cores: an equal share of the
    /// sequential time, or the largest job, which cannot be split, if that is longer.
    pub fn ideal(&self) -> Duration {
        let cores = self.sizes.cores as u32;
        self.largest()
            .max(self.heavy.get("sequential").elapsed / cores.max(1))
    }

    /// The lesson's conclusions, one sentence a line, each chosen by the measured number.
    pub fn verdicts(&self) -> String {
        let mut out = String::new();
        let heavy = self.heavy;
        for key in ["par_iter", "largest_first"] {
            let (run, got) = (heavy.get(key), heavy.speedup("sequential", key));
            let share = busiest_share(&run.spans);
            out += &format!(
                "{}: {} one after another; its busiest worker did {:.0}% of the work, so at best \
                 {:.2}x: {}.\n",
                run.name,
                faster(got),
                share * 100.0,
                1.0 / share,
                verdict(got, 1.0 / share)
            );
        }
        let (jobs, cores) = (self.sizes.uneven.as_slice(), self.sizes.cores);
        let best = speedup(heavy.get("sequential").elapsed, self.ideal());
        out += &format!(
            "the best split of these jobs on {cores} cores: {best:.2}x (the largest job alone \
             took {}).\n",
            time(self.largest())
        );
        let gain = self.uneven.speedup("fixed_slices", "work_stealing");
        let (busiest, balanced) = (
            crate::busiest_slice(jobs, cores),
            crate::balanced_load(jobs, cores),
        );
        let expected = busiest as f64 / balanced as f64;
        out += &format!(
            "uneven jobs: work stealing {} fixed slices (expected {expected:.2}x: {} vs {} terms \
             on the busiest worker): {}.\n",
            faster(gain),
            thousands(busiest),
            thousands(balanced),
            verdict(gain, expected)
        );
        let (io, latency) = (self.io, self.sizes.downloads.1);
        let (six, fifty) = (
            io.get("io_6_workers").elapsed,
            io.get("io_50_workers").elapsed,
        );
        out += &format!(
            "downloads: 6 workers took {} ({:.1} rounds of {}), 50 workers took {}: {:.1}x \
             faster.\n",
            time(six),
            six.as_secs_f64() / latency.as_secs_f64(),
            time(latency),
            time(fifty),
            speedup(six, fifty)
        );
        let cpu = self.cpu;
        let fastest = cpu
            .outcomes
            .iter()
            .zip(CPU_THREADS)
            .min_by_key(|(o, _)| o.elapsed);
        let (fastest, (_, threads)) = fastest.expect("five runs");
        let (one, thousand) = (cpu.get("cpu_1_thread"), cpu.get("cpu_1000_threads"));
        out += &format!(
            "CPU job: fastest on {threads} thread{} ({}); 1000 threads took {}, {} one thread.\n",
            plural(threads),
            time(fastest.elapsed),
            time(thousand.elapsed),
            faster(speedup(one.elapsed, thousand.elapsed))
        );
        out
    }

    /// The speedup curve's table and verdict.
    pub fn curve(&self) -> String {
        let (curve, cores, terms) = (self.curve, self.sizes.cores, self.sizes.curve[0]);
        let best_of = 2 * self.sizes.best_of;
        let (at_cores, beyond) = (curve[cores - 1].speedup, curve[cores].speedup);
        format!(
            "speedup curve: 12 jobs of compute_heavy({}), best of {best_of}:\n{}\
             {at_cores:.2}x with {cores} workers on {cores} cores (ideal {cores}x): {}; with {} \
             workers, more than the cores: {beyond:.2}x.",
            thousands(terms),
            crate::curve_table(curve, cores),
            verdict(at_cores, cores as f64),
            2 * cores
        )
    }
}
