//! Lesson 07: pools and data parallelism, measured.
//!
//! The tutorials' `compute_heavy` over [10M, 20M, 30M] one after another and with rayon's
//! `par_iter` (answers in input order; also largest first); uneven jobs (one of 120M terms,
//! 30 of 4M) in fixed slices vs by work stealing (`rayon::join`); 50 downloads of 200 ms on a
//! pool of 6 (Python's default size here) vs 50; one CPU job on 1, 2, 4, 64 and 1000 threads;
//! and the headline, the speedup curve for 1..cores workers (and twice the cores), as a table,
//! in `--json` (`derived.speedup_curve`) and with `--speedup-svg FILE`. CPU runs: the best of
//! 7 (the curve: of 14), variants taken in turn.
//!
//! Run it: `cargo run --release -p lesson-07` (add `--quick`, `--json`, `--svg FILE`,
//! `--trace FILE`, `--speedup-svg FILE`).

use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;
use instruments::runs::{thousands, timed};
use instruments::summary::speedup;
use instruments::timeline::{draw, format_duration as time, terminal_width};
use instruments::{Lesson, LessonArgs, Recorder};
use lesson_07::measure::{Run, busiest_share, verdict, write_file};
use lesson_07::measure::{best_in_turns, curve_table, faster, plural, row, speedup_curve};
use lesson_07::*;

/// The lesson's flags: every lesson's, and where to write the speedup curve.
#[derive(Debug, Parser)]
struct Args {
    #[command(flatten)]
    lesson: LessonArgs,
    /// Write the speedup curve as an SVG picture.
    #[arg(long, value_name = "FILE")]
    speedup_svg: Option<PathBuf>,
}

fn main() {
    let args = Args::parse();
    let mut lesson = Lesson::with_args("lesson-07", "Pools and data parallelism", args.lesson);
    let (cores, quick) = (lesson.cores(), lesson.quick());
    let (scale, n) = if quick { (100, 1) } else { (1, 7) };
    let pool = worker_pool(cores);
    let terms = 60_000_000 / scale; // the same work in every CPU section

    let sizes = SIZES.map(|size| size / scale);
    let descending = [sizes[2], sizes[1], sizes[0]];
    let seq_run = |r: &Recorder| compute_all_sequential(&sizes, r);
    let par_run = |r: &Recorder| compute_all_parallel(&pool, &sizes, r);
    let sorted_run = |r: &Recorder| compute_all_parallel(&pool, &descending, r);
    let runs = best_in_turns(n, &[&seq_run, &par_run, &sorted_run]);
    let [seq, par, sorted] = runs.try_into().expect("three runs");
    assert_eq!(seq.value, par.value, "par_iter keeps the input order");
    let largest = seq
        .spans
        .iter()
        .map(|s| s.duration())
        .max()
        .unwrap_or_default();
    let ideal = largest.max(seq.elapsed / cores as u32);
    lesson.ideal(ideal);
    let jobs = uneven_jobs(120_000_000 / scale, 4_000_000 / scale, 30);
    let fixed_run = |r: &Recorder| static_slices(&jobs, cores, r);
    let stealing_run = |r: &Recorder| pool.install(|| work_stealing(&jobs, r));
    let runs = best_in_turns(n, &[&fixed_run, &stealing_run]);
    let [fixed, stealing] = runs.try_into().expect("two runs");
    for (name, run) in [
        ("sequential", &seq),
        ("rayon par_iter", &par),
        ("rayon, largest first", &sorted),
    ] {
        row(&mut lesson, name, run, seq.elapsed);
        lesson.timeline(format!("compute_heavy: {name}"), run.spans.clone());
    }
    for (name, run) in [("fixed slices", &fixed), ("work stealing", &stealing)] {
        row(&mut lesson, &format!("uneven: {name}"), run, fixed.elapsed);
        lesson.timeline(format!("uneven jobs: {name}"), run.spans.clone());
    }
    lesson.say(format!(
        "compute_heavy({sizes:?}), then uneven jobs; best of {n}:\n"
    ));
    lesson.draw_timelines();

    let (downloads, latency) = (50, Duration::from_millis(if quick { 5 } else { 200 }));
    let (six, fifty) = (worker_pool(6), worker_pool(50)); // threads started before timing
    let io_six = timed(|r| download_all(&six, downloads, latency, r));
    let io_fifty = timed(|r| download_all(&fifty, downloads, latency, r));
    row(&mut lesson, "I/O: 6 workers", &io_six, io_six.elapsed);
    row(&mut lesson, "I/O: 50 workers", &io_fifty, io_six.elapsed);
    lesson.say(format!(
        "{downloads} downloads of {} on a pool of 6:",
        time(latency)
    ));
    lesson.say(draw(&io_six.spans, terminal_width()));

    let counts = [1, 2, 4, 64, 1000];
    let split = counts.map(|threads| move |r: &Recorder| split_over_threads(terms, threads, r));
    let runs: Vec<Run<'_, u64>> = split.iter().map(|run| run as _).collect();
    let runs = best_in_turns(n, &runs);
    let by_threads: Vec<(usize, Duration)> = counts
        .into_iter()
        .zip(runs.iter().map(|r| r.elapsed))
        .collect();
    for (&threads, run) in counts.iter().zip(&runs) {
        let name = format!("CPU: {threads} thread{}", plural(threads));
        row(&mut lesson, &name, run, runs[0].elapsed);
    }
    lesson.print_table();

    let curve_jobs = vec![20_000_000 / scale; 12];
    let curve = speedup_curve(cores, &curve_jobs, 2 * n);

    let rayon_speedup = speedup(seq.elapsed, par.elapsed);
    let sorted_speedup = speedup(seq.elapsed, sorted.elapsed);
    let best_possible = speedup(seq.elapsed, ideal);
    let steal_gain = speedup(fixed.elapsed, stealing.elapsed);
    let (busiest, balanced) = (busiest_slice(&jobs, cores), balanced_load(&jobs, cores));
    let expected_gain = busiest as f64 / balanced as f64;
    let io_gain = speedup(io_six.elapsed, io_fifty.elapsed);
    let (one, thousand) = (by_threads[0].1, by_threads[4].1);
    let fastest = by_threads
        .iter()
        .min_by_key(|(_, t)| *t)
        .expect("five runs");
    let at_cores = curve[cores - 1].speedup;
    lesson.derive("rayon_speedup", rayon_speedup);
    lesson.derive("largest_first_speedup", sorted_speedup);
    lesson.derive("best_possible_speedup", best_possible);
    lesson.derive("work_stealing_gain", steal_gain);
    lesson.derive("work_stealing_expected_gain", expected_gain);
    lesson.derive("io_six_over_fifty", io_gain);
    lesson.derive("thousand_threads_over_one", speedup(thousand, one));
    let points = curve.iter().map(
        |p| serde_json::json!({"workers": p.workers, "seconds": p.seconds, "speedup": p.speedup}),
    );
    lesson.derive("speedup_curve", points.collect::<Vec<_>>());
    for (name, key, run, got) in [
        ("rayon par_iter", "par_iter", &par, rayon_speedup),
        (
            "rayon, largest first",
            "largest_first",
            &sorted,
            sorted_speedup,
        ),
    ] {
        let share = busiest_share(&run.spans);
        lesson.derive(&format!("{key}_busiest_share"), share);
        let (than, at_best) = (faster(got), 1.0 / share);
        lesson.say(format!(
            "{name}: {than} one after another; its busiest worker did {:.0}% of the work, so \
             at best {at_best:.2}x: {}.",
            share * 100.0,
            verdict(got, at_best)
        ));
    }
    lesson.say(format!(
        "the best split of these jobs on {cores} cores: {best_possible:.2}x (the largest job \
         alone took {}).",
        time(largest)
    ));
    let (gain, verdict_gain) = (faster(steal_gain), verdict(steal_gain, expected_gain));
    let (busiest, balanced) = (thousands(busiest), thousands(balanced));
    lesson.say(format!(
        "uneven jobs: work stealing {gain} fixed slices (expected {expected_gain:.2}x: \
         {busiest} vs {balanced} terms on the busiest worker): {verdict_gain}."
    ));
    let rounds = io_six.elapsed.as_secs_f64() / latency.as_secs_f64();
    let (six, fifty, latency) = (time(io_six.elapsed), time(io_fifty.elapsed), time(latency));
    lesson.say(format!(
        "downloads: 6 workers took {six} ({rounds:.1} rounds of {latency}), 50 workers took \
         {fifty}: {io_gain:.1}x faster."
    ));
    let (fastest_threads, fastest_time) = (fastest.0, time(fastest.1));
    let (thousand_time, than_one) = (time(thousand), faster(speedup(one, thousand)));
    lesson.say(format!(
        "CPU job: fastest on {fastest_threads} thread{} ({fastest_time}); 1000 threads took \
         {thousand_time}, {than_one} one thread.\n",
        plural(fastest_threads)
    ));
    let (terms, table) = (thousands(curve_jobs[0]), curve_table(&curve, cores));
    let (verdict_curve, beyond) = (verdict(at_cores, cores as f64), curve[cores].speedup);
    lesson.say(format!(
        "speedup curve: 12 jobs of compute_heavy({terms}), best of {}:\n{table}\
         {at_cores:.2}x with {cores} workers on {cores} cores (ideal {cores}x): {verdict_curve}; \
         with {} workers, more than the cores: {beyond:.2}x.",
        2 * n,
        2 * cores
    ));
    let status = match &args.speedup_svg {
        Some(path) => write_file(path, &speedup_svg(&curve, cores)),
        None => 0,
    };
    std::process::exit(lesson.finish() | status);
}
