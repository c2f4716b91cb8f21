//! The demonstration's bookkeeping (not shown in the chapter): best-of-N runs, table rows, and
//! a few words for numbers.

use std::path::Path;
use std::time::Duration;

use instruments::runs::{Timed, timed};
use instruments::summary::speedup;
use instruments::{Lesson, Measurement, Recorder, Summary};

/// One variant to time: a function of the recorder it records into.
pub type Run<'a, T> = &'a dyn Fn(&Recorder) -> T;

/// The fastest of `repeats` runs of each of `runs`, taken in turn (first, second, ..., first,
/// second, ...), so that a busy moment on the machine falls on any of them, not all on one.
pub fn best_in_turns<T>(repeats: usize, runs: &[Run<'_, T>]) -> Vec<Timed<T>> {
    let mut best: Vec<Option<Timed<T>>> = runs.iter().map(|_| None).collect();
    for _ in 0..repeats.max(1) {
        for (run, kept) in runs.iter().zip(&mut best) {
            let this = timed(run);
            if kept.as_ref().is_none_or(|k| this.elapsed < k.elapsed) {
                *kept = Some(this);
            }
        }
    }
    best.into_iter().flatten().collect()
}

/// Adds a run to the lesson's table: its time, its speedup over `base`, the threads it used
/// and the most spans it had open at once.
pub fn row<T>(lesson: &mut Lesson, name: &str, run: &Timed<T>, base: Duration) {
    let summary = Summary::of(&run.spans);
    lesson.measure(
        Measurement::new(name, run.elapsed)
            .with("speedup", speedup(base, run.elapsed))
            .with("threads_used", summary.threads)
            .with("most_at_once", summary.max_concurrent),
    );
}

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

/// Writes a file, saying so on stderr; returns the exit status (0, or 1 on failure).
pub fn write_file(path: &Path, contents: &str) -> i32 {
    match std::fs::write(path, contents) {
        Ok(()) => {
            eprintln!("wrote {}", path.display());
            0
        }
        Err(error) => {
            eprintln!("error: could not write {}: {error}", path.display());
            1
        }
    }
}

/// Runs `jobs` on pools of 1..=`cores` workers and of twice the cores, the best of `repeats`
/// each, and returns each pool size's time and speedup over one worker.
pub fn speedup_curve(cores: usize, jobs: &[u64], repeats: usize) -> Vec<crate::CurvePoint> {
    let sizes: Vec<usize> = (1..=cores).chain([2 * cores]).collect();
    let pools: Vec<rayon::ThreadPool> = sizes.iter().map(|&w| crate::worker_pool(w)).collect();
    let runs: Vec<_> = pools
        .iter()
        .map(|pool| move |r: &Recorder| crate::compute_all_parallel(pool, jobs, r))
        .collect();
    let runs: Vec<Run<'_, Vec<u64>>> = runs.iter().map(|run| run as _).collect();
    let timed = best_in_turns(repeats, &runs);
    let one = timed[0].elapsed.as_secs_f64();
    sizes
        .iter()
        .zip(&timed)
        .map(|(&workers, run)| crate::CurvePoint {
            workers,
            seconds: run.elapsed.as_secs_f64(),
            speedup: one / run.elapsed.as_secs_f64(),
        })
        .collect()
}

/// The speedup curve as a text table, with the ideal for each pool size.
pub fn curve_table(curve: &[crate::CurvePoint], cores: usize) -> String {
    let mut table = String::from("workers   time      speedup   ideal\n");
    for point in curve {
        let time = instruments::timeline::format_duration(Duration::from_secs_f64(point.seconds));
        table += &format!(
            "{:>7}   {time:<8}  {:<8.2}  {}x\n",
            point.workers,
            point.speedup,
            point.workers.min(cores)
        );
    }
    table
}

/// The share of a run's work (the summed length of its spans) done on its busiest thread: 0.5
/// when two workers did equal parts, 1.0 when one did everything. With this share, the run
/// could be at best `1 / share` times faster than one worker.
pub fn busiest_share(spans: &[instruments::Span]) -> f64 {
    let mut per_thread = std::collections::HashMap::new();
    for span in spans {
        *per_thread.entry(span.thread).or_insert(0.0) += span.duration().as_secs_f64();
    }
    let total: f64 = per_thread.values().sum();
    let busiest = per_thread.values().copied().fold(0.0, f64::max);
    if total > 0.0 { busiest / total } else { 1.0 }
}
