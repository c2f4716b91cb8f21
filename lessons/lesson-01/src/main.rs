//! Lesson 01: why concurrency.
//!
//! Downloads three files (simulated: each waits 500 ms, or 50 ms with `--quick`) three ways:
//! one after another, on three threads, and as three tokio tasks on a single thread. Prints
//! each run's timeline and how close it came to the ideal time (one download's latency).
//!
//! Run it: `cargo run -p lesson-01` (add `--quick`, `--json`, `--svg FILE`, `--trace FILE`).

use std::future::Future;
use std::time::Duration;

use instruments::compare::{Columns, Comparison, against_ideal};
use instruments::timeline::format_duration;
use instruments::{Lesson, Recorder};
use lesson_01::{Url, download_all_sequential, download_all_spawned, download_all_tasks};

fn main() {
    let mut lesson = Lesson::start("lesson-01", "Why concurrency");
    let latency = Duration::from_millis(if lesson.quick() { 50 } else { 500 });
    let ideal = latency; // all three at once take as long as one
    lesson.ideal(ideal);
    let (each, best) = (format_duration(latency), format_duration(ideal));
    lesson.say(format!(
        "Three downloads of {each} each; ideal time {best}.\n"
    ));

    let urls = |recorder: &Recorder| -> Vec<Url> {
        let files = ["a.csv", "b.csv", "c.csv"];
        files.map(|file| Url::new(file, latency, recorder)).to_vec()
    };
    let compared = Comparison::new()
        .variant("sequential", "sequential", |r| {
            download_all_sequential(&urls(r))
        })
        .variant("threads", "threads", |r| download_all_spawned(urls(r)))
        .variant("tokio", "tokio, one thread", |r| {
            on_one_thread(download_all_tasks(urls(r)))
        })
        .run();
    for outcome in &compared.outcomes {
        assert_eq!(outcome.value.len(), 3, "every download returns a page");
    }
    let columns = Columns {
        speedup_over: Some("sequential"),
        ideal: Some(ideal),
        spans: true,
    };
    compared.report(&mut lesson, columns, |_| Vec::new());
    lesson.draw_timelines();
    lesson.print_table();

    for key in ["sequential", "threads", "tokio"] {
        let ratio = compared.ratio_to_ideal(key, ideal);
        lesson.derive(&format!("{key}_ratio_to_ideal"), ratio);
        if key != "sequential" {
            let verdict = against_ideal(ratio, 0.05);
            lesson.say(format!("{key}: {ratio:.3}x the ideal time, {verdict}."));
        }
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
