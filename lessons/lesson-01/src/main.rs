//! Lesson 01: why concurrency.
//!
//! Downloads three files (simulated: each waits 500 ms, or 50 ms with `--quick`) three ways:
//! one after another, on three threads, and as three tokio tasks on a single thread. Prints
//! each run's timeline and how close it came to the ideal time (one download's latency).
//!
//! Run it: `cargo run --release -p lesson-01` (add `--quick`, `--json`, `--svg FILE`,
//! `--trace FILE`).

use std::future::Future;
use std::time::{Duration, Instant};

use instruments::summary::{ratio_to_ideal, speedup};
use instruments::timeline::format_duration;
use instruments::{Lesson, Measurement, Recorder, Summary};
use lesson_01::{Page, Url, download_all_sequential, download_all_spawned, download_all_tasks};

/// One way to download every url.
type Variant = dyn Fn(Vec<Url>) -> Vec<Page>;

fn main() {
    let mut lesson = Lesson::start("lesson-01", "Why concurrency");
    let latency = Duration::from_millis(if lesson.quick() { 50 } else { 500 });
    let ideal = latency; // all three at once take as long as one
    lesson.ideal(ideal);
    lesson.say(format!(
        "Three downloads of {} each; ideal time {}.\n",
        format_duration(latency),
        format_duration(ideal)
    ));

    let runs: [(&str, Box<Variant>); 3] = [
        (
            "sequential",
            Box::new(|urls| download_all_sequential(&urls)),
        ),
        ("threads", Box::new(download_all_spawned)),
        (
            "tokio, one thread",
            Box::new(|urls| on_one_thread(download_all_tasks(urls))),
        ),
    ];
    let mut sequential = Duration::ZERO;
    for (name, run) in runs {
        let recorder = Recorder::new();
        let urls = ["a.csv", "b.csv", "c.csv"].map(|file| Url::new(file, latency, &recorder));
        let started = Instant::now();
        let pages = run(urls.to_vec());
        let elapsed = started.elapsed();
        assert_eq!(pages.len(), 3, "every download returns a page");
        if name == "sequential" {
            sequential = elapsed;
        }
        let summary = Summary::of(&recorder.spans());
        let key = name.split(',').next().unwrap_or(name);
        lesson.derive(
            &format!("{key}_ratio_to_ideal"),
            ratio_to_ideal(elapsed, ideal),
        );
        lesson.measure(
            Measurement::new(name, elapsed)
                .with("ratio_to_ideal", ratio_to_ideal(elapsed, ideal))
                .with("speedup", speedup(sequential, elapsed))
                .with("threads_used", summary.threads)
                .with("most_at_once", summary.max_concurrent),
        );
        lesson.timeline(name, recorder.spans());
    }
    lesson.draw_timelines();
    lesson.print_table();

    for name in ["threads", "tokio"] {
        let ratio = lesson
            .derived(&format!("{name}_ratio_to_ideal"))
            .unwrap_or(f64::NAN);
        let verdict = if ratio <= 1.05 {
            "within 5% of the ideal"
        } else {
            "more than 5% over the ideal (a busy machine?)"
        };
        lesson.say(format!("{name}: {ratio:.3}x the ideal time, {verdict}."));
    }
    std::process::exit(lesson.finish());
}

/// Runs a future on a runtime with a single thread, as asyncio runs its event loop.
fn on_one_thread<T>(future: impl Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a tokio runtime starts")
        .block_on(future)
}
