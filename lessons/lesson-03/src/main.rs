//! Lesson 03: race conditions.
//!
//! Four threads add 1 to a shared counter a million times each (100,000 with `--quick`). The
//! racy counter (an atomic `load`, then a `store`) runs ten times (five with `--quick`), and a
//! histogram shows how many updates each run lost; a run that lost nothing says why, from the
//! values its threads wrote. Then the three fixes (`fetch_add`, a `Mutex`, counting locally
//! then summing) are timed against it, and each variant's four threads are drawn as a timeline.
//!
//! Run it: `cargo run --release -p lesson-03` (add `--quick`, `--json`, `--svg FILE`,
//! `--trace FILE`).

use std::time::{Duration, Instant};

use instruments::{Lesson, Measurement, Recorder, Span, Summary};
use lesson_03::{
    RacyRun, bar, count_locally_then_sum, count_racy, count_with_fetch_add, count_with_mutex,
    thousands,
};

const THREADS: usize = 4;

type Fix = fn(usize, u64, &Recorder) -> u64;

fn main() {
    let mut lesson = Lesson::start("lesson-03", "Race conditions");
    let (per_thread, runs, repeats) = if lesson.quick() { (100_000, 5, 3) } else { (1_000_000, 10, 5) };
    let expected = THREADS as u64 * per_thread;
    lesson.say(format!(
        "{THREADS} threads each add 1 to a shared counter {} times: expected {}.\n\n\
         The racy counter (load, then store), {runs} runs; bars show the updates each run lost:",
        thousands(per_thread),
        thousands(expected)
    ));

    // The racy counter, several times: whether a run loses updates depends on timing.
    let mut racy: Vec<(Duration, RacyRun, Vec<Span>)> = Vec::new();
    for _ in 0..runs {
        let recorder = Recorder::new();
        let started = Instant::now();
        let run = count_racy(THREADS, per_thread, &recorder);
        racy.push((started.elapsed(), run, recorder.spans()));
    }
    let most = racy.iter().map(|(_, run, _)| run.lost()).max().unwrap_or(0);
    for (number, (_, run, _)) in racy.iter().enumerate() {
        let (lost, share) = (thousands(run.lost()), 100.0 * run.lost_fraction());
        lesson.say(format!("run {:>2} │{}│ {lost:>9} lost ({share:.1}%)", number + 1, bar(run.lost(), most, 40)));
    }
    for (number, (_, run, _)) in racy.iter().enumerate().filter(|(_, (_, run, _))| run.lost() == 0) {
        lesson.say(format!("run {} happened to lose nothing: {}.", number + 1, run.why_nothing_was_lost()));
    }
    let lost: Vec<u64> = racy.iter().map(|(_, run, _)| run.lost()).collect();
    let losing_runs = lost.iter().filter(|&&lost| lost > 0).count();
    let mut shares: Vec<f64> = racy.iter().map(|(_, run, _)| run.lost_fraction()).collect();
    shares.sort_by(f64::total_cmp);
    lesson.derive("racy_lost_per_run", lost.clone());
    lesson.derive("racy_runs_that_lost_updates", losing_runs);
    lesson.derive("racy_median_lost_fraction", shares[shares.len() / 2]);

    // The racy counter's median-time run goes in the table beside the fixes' median runs.
    racy.sort_by_key(|(elapsed, _, _)| *elapsed);
    let (elapsed, run, spans) = racy.swap_remove(racy.len() / 2);
    let mut rows = vec![("racy load/store", elapsed, run.counted, spans)];
    let fixes: [(&str, Fix); 3] = [("fetch_add", count_with_fetch_add), ("Mutex", count_with_mutex), ("local then sum", count_locally_then_sum)];
    for (name, fix) in fixes {
        let mut timed: Vec<(Duration, u64, Vec<Span>)> = (0..repeats)
            .map(|_| {
                let recorder = Recorder::new();
                let started = Instant::now();
                let counted = fix(THREADS, per_thread, &recorder);
                (started.elapsed(), counted, recorder.spans())
            })
            .collect();
        timed.sort_by_key(|(elapsed, _, _)| *elapsed);
        let (elapsed, counted, spans) = timed.swap_remove(timed.len() / 2);
        rows.push((name, elapsed, counted, spans));
    }
    for (name, elapsed, counted, spans) in &rows {
        let summary = Summary::of(spans);
        let per_increment = elapsed.as_secs_f64() * 1e9 / expected as f64;
        lesson.measure(
            Measurement::new(*name, *elapsed)
                .with("counted", *counted)
                .with("lost", expected - counted)
                .with("ns_per_increment", per_increment)
                .with("threads_used", summary.threads),
        );
        lesson.timeline(format!("{name}: {THREADS} threads"), spans.clone());
    }
    lesson.say("\nEach variant's median run; the bars are the four threads counting:\n");
    lesson.draw_timelines();
    lesson.print_table();

    let time = |row: usize| rows[row].1.as_secs_f64();
    let (fetch_add_vs_racy, mutex_vs_fetch_add, fetch_add_vs_local) = (time(1) / time(0), time(2) / time(1), time(1) / time(3));
    lesson.derive("fetch_add_vs_racy", fetch_add_vs_racy);
    lesson.derive("mutex_vs_fetch_add", mutex_vs_fetch_add);
    lesson.derive("fetch_add_vs_local_then_sum", fetch_add_vs_local);
    let exact_fixes = rows[1..].iter().filter(|row| row.2 == expected).count();
    lesson.say(match losing_runs {
        0 => format!("racy: no run lost an update this time ({runs} runs); see above for why. The race is still there: loom finds it (cargo test -p lesson-03 --test racy)."),
        n if n == runs => format!("racy: every one of the {runs} runs lost updates (median {:.1}%).", 100.0 * shares[shares.len() / 2]),
        n => format!("racy: {n} of {runs} runs lost updates; {} happened to lose nothing, so one clean run proves nothing.", runs - n),
    });
    lesson.say(format!("fixes: {exact_fixes} of 3 counted exactly {}.", thousands(expected)));
    lesson.say(format!("fetch_add: {fetch_add_vs_racy:.1}x the racy time: {}.", if fetch_add_vs_racy > 1.0 { "every increment has to own the counter's cache line, which four threads pass around" } else { "no slower than the racy counter on this run" }));
    lesson.say(format!("Mutex: {mutex_vs_fetch_add:.1}x the fetch_add time: {}.", if mutex_vs_fetch_add > 1.0 { "each increment also locks and unlocks, and a thread that finds the lock taken may sleep" } else { "no slower than fetch_add on this run" }));
    lesson.say(format!("local then sum: {}.", if fetch_add_vs_local > 1.0 { format!("{fetch_add_vs_local:.1}x faster than fetch_add, and exact: the threads share nothing until the end") } else { format!("{:.1}x the fetch_add time on this run", 1.0 / fetch_add_vs_local) }));
    std::process::exit(lesson.finish());
}
