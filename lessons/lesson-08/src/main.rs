//! Lesson 08: async with tokio.
//!
//! Three measurements on a tokio runtime with one thread, as asyncio's event loop has:
//! 1. "Task A" and "Task B" computing in slices, yielding after each: every poll is recorded, so
//!    the timeline is the tutorials' single-core chart (`██░░██` over `░░██░░`), measured.
//! 2. Three downloads as tasks, waiting with `tokio::time::sleep`, then with a blocking
//!    `std::thread::sleep` inside the same `async fn`: the second run is sequential.
//! 3. Scale: 100,000 tasks each sleeping 1 s, against 10,000 threads each sleeping 1 s (time and
//!    resident memory per task, from VmRSS), and Python's asyncio if `python3` is on PATH.
//!
//! Run it: `cargo run --release -p lesson-08` (add `--quick`, `--json`, `--svg FILE`,
//! `--trace FILE`).

use std::time::{Duration, Instant};

use instruments::summary::ratio_to_ideal;
use instruments::timeline::format_duration;
use instruments::{Lesson, Measurement, Recorder, Summary, work};
use lesson_08::scale::{Scale, python_asyncio, report, sleeping_tasks, sleeping_threads};
use lesson_08::{Url, current_thread_runtime, spawn_all, two_tasks_taking_turns};

fn main() {
    let mut lesson = Lesson::start("lesson-08", "Async with tokio");
    let quick = lesson.quick();
    let (slice, latency) = match quick {
        true => (Duration::from_millis(1), Duration::from_millis(30)),
        false => (Duration::from_millis(5), Duration::from_millis(300)),
    };
    let runtime = current_thread_runtime();

    let terms = work::calibrate(slice);
    let recorder = Recorder::new();
    let started = Instant::now();
    runtime.block_on(two_tasks_taking_turns(&recorder, 6, terms));
    let (elapsed, polls) = (started.elapsed(), recorder.spans());
    // A switch is a poll of one task right after a poll of the other.
    let switches = polls.windows(2).filter(|p| p[0].task != p[1].task).count();
    let (summary, poll_count) = (Summary::of(&polls), polls.len());
    lesson.measure(
        Measurement::new("Task A + Task B, one thread", elapsed)
            .with("threads_used", summary.threads)
            .with("most_at_once", summary.max_concurrent)
            .with("polls", poll_count),
    );
    lesson.derive("switches", switches);
    lesson.timeline("Task A and Task B, each poll a span, one thread", polls);
    lesson.draw_timelines();
    let (threads, most) = (summary.threads, summary.max_concurrent);
    let verdict = match (threads, most) {
        (1, 1) => "concurrency without parallelism",
        _ => "more than one poll at once (unexpected on a current-thread runtime)",
    };
    let polls = format!("{poll_count} polls on {threads} thread, at most {most} at a time");
    lesson.say(format!(
        "Task A/B: {switches} switches in {polls}: {verdict}.\n"
    ));

    lesson.ideal(latency); // three downloads at once take as long as one
    let mut verdicts: Vec<String> = Vec::new();
    for (name, blocking) in [("tokio::time::sleep", false), ("std::thread::sleep", true)] {
        let recorder = Recorder::new();
        let urls = ["a.csv", "b.csv", "c.csv"].map(|file| Url::new(file, latency, &recorder));
        let started = Instant::now();
        let pages = runtime.block_on(spawn_all(urls.to_vec(), blocking));
        let elapsed = started.elapsed();
        assert_eq!(pages.len(), 3, "every download returns a page");
        let summary = Summary::of(&recorder.spans());
        let ratio = ratio_to_ideal(elapsed, latency);
        let key = if blocking { "blocking" } else { "async" };
        lesson.derive(&format!("{key}_ratio_to_ideal"), ratio);
        lesson.measure(
            Measurement::new(format!("3 downloads, {name}"), elapsed)
                .with("ratio_to_ideal", ratio)
                .with("threads_used", summary.threads)
                .with("most_at_once", summary.max_concurrent),
        );
        lesson.timeline(
            format!("3 download tasks, one thread, {name}"),
            recorder.spans(),
        );
        let verdict = match summary.max_concurrent {
            3 => "all three waits overlapped",
            1 => "one after another: the sleep held the only thread",
            _ => "partly overlapped",
        };
        verdicts.push(format!(
            "{name}: {ratio:.2}x one download's time, {verdict}."
        ));
    }
    lesson.draw_timelines();
    verdicts.iter().for_each(|line| lesson.say(line));

    let (tasks, threads, nap) = match quick {
        true => (1_000, 100, Duration::from_millis(20)),
        false => (100_000, 10_000, Duration::from_secs(1)),
    };
    let mut rows = vec![
        ("tokio tasks", sleeping_tasks(tasks, nap)),
        ("std threads", sleeping_threads(threads, nap)),
    ];
    let limit = Duration::from_secs(if quick { 30 } else { 60 });
    let mut lines = vec![format!(
        "\nScale: each task or thread sleeps {}.",
        format_duration(nap)
    )];
    match python_asyncio(tasks, nap, limit) {
        Ok(run) => rows.push(("python asyncio tasks", run)),
        Err(error) => lines.push(format!("python asyncio: not run, {error}.")),
    }
    for (name, run) in &rows {
        lines.push(report(&mut lesson, name, run, nap));
    }
    lines.iter().for_each(|line| lesson.say(line));
    lesson.print_table();
    // The headline: what one more task or thread costs, beyond the sleep itself.
    let each = |run: &Scale| run.elapsed.saturating_sub(nap) / run.started.max(1) as u32;
    let ((_, task), (_, thread)) = (&rows[0], &rows[1]);
    let time = each(thread).as_secs_f64() / each(task).as_secs_f64().max(1e-12);
    lesson.derive("thread_to_task_time", time);
    let (kb_task, kb_thread) = (task.kb_each.unwrap_or(0.0), thread.kb_each.unwrap_or(0.0));
    let memory = kb_thread / kb_task.max(0.001);
    lesson.derive("thread_to_task_memory", memory);
    lesson.say(format!(
        "Headline: beyond the sleep, each thread cost {} and {kb_thread:.2} kB, each tokio task \
         {} and {kb_task:.2} kB: {time:.0}x the time and {memory:.0}x the memory.",
        format_duration(each(thread)),
        format_duration(each(task)),
    ));
    std::process::exit(lesson.finish());
}
