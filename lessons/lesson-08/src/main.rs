//! Lesson 08: async with tokio.
//!
//! On a tokio runtime with one thread, as asyncio's event loop has: "Task A" and "Task B"
//! computing in slices and yielding, every poll recorded (the tutorials' single-core chart,
//! measured); three downloads as tasks, waiting with `tokio::time::sleep`, then with a blocking
//! `std::thread::sleep` (sequential); and 100,000 tasks against 10,000 threads, each sleeping
//! 1 s (time and resident memory each), with Python's asyncio if `python3` is on PATH.
//!
//! Run it: `cargo run -p lesson-08` (add `--quick`, `--json`, `--svg FILE`, `--trace FILE`).

use std::time::Duration;

use instruments::compare::{Columns, Comparison};
use instruments::{Lesson, Recorder, work};
use lesson_08::{Url, current_thread_runtime, overlap_verdict, spawn_all, switches};
use lesson_08::{scale::ScaleTest, turns_verdict, two_tasks_taking_turns};

fn main() {
    let mut lesson = Lesson::start("lesson-08", "Async with tokio");
    let millis: [u64; 2] = if lesson.quick() { [1, 30] } else { [5, 300] };
    let [slice, latency] = millis.map(Duration::from_millis);
    let (runtime, terms) = (current_thread_runtime(), work::calibrate(slice));
    let mut cols = Columns {
        spans: true, // threads used, most at once
        ..Columns::default()
    };
    let turns = Comparison::new()
        .variant("task_a_and_b", "Task A + Task B, one thread", |r| {
            runtime.block_on(two_tasks_taking_turns(r, 6, terms))
        })
        .run();
    turns.report(&mut lesson, cols, |o| vec![("polls", o.spans.len().into())]);
    lesson.draw_timelines();
    let run = turns.get("task_a_and_b");
    let (threads, most) = (run.summary.threads, run.summary.max_concurrent);
    let switches = switches(&run.spans);
    lesson.derive("switches", switches);
    let polls = format!("{} polls on {threads} thread", run.spans.len());
    let line = format!("{switches} switches in {polls}, at most {most} at a time");
    let verdict = turns_verdict(&run.summary);
    lesson.say(format!("Task A/B: {line}: {verdict}.\n"));

    lesson.ideal(latency); // three downloads at once take as long as one
    let urls = |r: &Recorder| ["a.csv", "b.csv", "c.csv"].map(|f| Url::new(f, latency, r));
    let downloads = Comparison::new()
        .variant("async", "3 downloads, tokio::time::sleep", |r| {
            runtime.block_on(spawn_all(urls(r).to_vec(), false))
        })
        .variant("blocking", "3 downloads, std::thread::sleep", |r| {
            runtime.block_on(spawn_all(urls(r).to_vec(), true))
        })
        .run();
    cols.ideal = Some(latency);
    downloads.report(&mut lesson, cols, |_| Vec::new());
    lesson.draw_timelines();
    for run in &downloads.outcomes {
        let ratio = downloads.ratio_to_ideal(run.key, latency);
        lesson.derive(&format!("{}_ratio_to_ideal", run.key), ratio);
        let sleep = run.name.trim_start_matches("3 downloads, ");
        let verdict = overlap_verdict(run.summary.max_concurrent);
        let line = format!("{sleep}: {ratio:.2}x one download's time");
        lesson.say(format!("{line}, {verdict}."));
    }

    let scale = ScaleTest::run(lesson.quick());
    scale.report(&mut lesson);
    lesson.print_table();
    scale.headline(&mut lesson);
    std::process::exit(lesson.finish());
}
