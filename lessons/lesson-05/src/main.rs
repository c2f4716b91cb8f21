//! Lesson 05: queues and channels.
//!
//! A producer makes 16 jobs fast (4 ms each; `--quick`: 1 ms) and one consumer does them slowly
//! (25 ms each; `--quick`: 4 ms), first through a bounded channel of capacity 4, then through an
//! unbounded one: the bounded queue holds the producer back (its blocked sends are recorded and
//! drawn), the unbounded one lets the queue grow. Then 12 jobs fanned out to 3 workers over
//! std's `mpsc` and fanned back in, and a collector whose `select!` gives up on a slow job.
//!
//! Run it: `cargo run --release -p lesson-05` (add `--quick`, `--json`, `--svg FILE`,
//! `--trace FILE`).

use std::time::{Duration, Instant};

use instruments::timeline::format_duration;
use instruments::{Lesson, Measurement, Recorder, Summary};
use lesson_05::{
    Job, collect_with_patience, fan_out_std, jobs, produce_and_consume, time_labelled,
};

fn main() {
    let mut lesson = Lesson::start("lesson-05", "Queues and channels");
    let quick = lesson.quick();
    let ms = |full: u64, fast: u64| Duration::from_millis(if quick { fast } else { full });
    let (make, consume, capacity, count) = (ms(4, 1), ms(25, 4), 4, 16);
    lesson.ideal(consume * count as u32); // the consumer's own work is the floor
    lesson.say(format!(
        "A producer makes {count} jobs ({} each), one consumer does them ({} each): {} of \
         consuming, the least either run can take.\n",
        format_duration(make),
        format_duration(consume),
        format_duration(consume * count as u32)
    ));

    for (name, queue) in [("bounded", Some(capacity)), ("unbounded", None)] {
        let recorder = Recorder::new();
        let started = Instant::now();
        let flow = produce_and_consume(jobs(count, consume), queue, make, &recorder);
        let elapsed = started.elapsed();
        assert_eq!(flow.done.len() as u64, count, "every job is consumed");
        let blocked = time_labelled(&recorder, "blocked on full queue");
        let spans = recorder.spans();
        let producing = spans.iter().filter(|s| s.task.starts_with("producer"));
        let producer_time = producing.map(|s| s.end).max().unwrap_or_default();
        lesson.derive(
            &format!("{name}_producer_blocked_seconds"),
            blocked.as_secs_f64(),
        );
        lesson.derive(&format!("{name}_peak_queue"), flow.peak_queue);
        lesson.measure(
            Measurement::new(name, elapsed)
                .with(
                    "capacity",
                    queue.map_or("none".to_owned(), |c| c.to_string()),
                )
                .with("peak_queue", flow.peak_queue)
                .with("producer_done", format_duration(producer_time))
                .with("producer_blocked", format_duration(blocked)),
        );
        let shown = queue.map_or("unlimited".to_owned(), |c| c.to_string());
        lesson.timeline(format!("{name} queue (capacity {shown})"), spans);
    }
    lesson.draw_timelines();
    lesson.derive("queue_capacity", capacity);

    let (workers, job_time) = (3, ms(50, 8));
    let recorder = Recorder::new();
    let started = Instant::now();
    let mut done = fan_out_std(jobs(12, job_time), workers, 2, &recorder);
    let elapsed = started.elapsed();
    done.sort();
    let summary = Summary::of(&recorder.spans_labelled("work"));
    // Its figures go to the JSON report and the sentence below, keeping the table narrow.
    lesson.measure(Measurement::new(
        format!("fan-out, {workers} workers"),
        elapsed,
    ));
    lesson.derive("fan_out_results", done.len());
    lesson.derive("fan_out_most_at_once", summary.max_concurrent);
    lesson.derive("fan_out_threads_used", summary.threads);
    lesson.timeline(
        "fan-out to 3 workers, fan-in of results (std mpsc)",
        recorder.spans(),
    );
    lesson.draw_timelines();

    // `--quick` keeps the fast jobs tiny and the patience long: whether a fast result makes it
    // in time must not depend on how soon a busy machine schedules its thread.
    let (patience, recorder) = (ms(100, 250), Recorder::new());
    let slow = |id, latency| Job { id, latency };
    let collected = collect_with_patience(
        vec![
            slow(1, ms(20, 2)),
            slow(2, ms(40, 4)),
            slow(3, ms(1000, 750)),
        ],
        patience,
        &recorder,
    );
    lesson.derive("select_results", collected.done.len());
    lesson.derive("select_gave_up", collected.gave_up_at.is_some());
    lesson.print_table();

    let figure = |key: &str| lesson.derived(key).unwrap_or(0.0);
    let (blocked, unbounded_blocked) = (
        figure("bounded_producer_blocked_seconds"),
        figure("unbounded_producer_blocked_seconds"),
    );
    let (bounded_peak, unbounded_peak) =
        (figure("bounded_peak_queue"), figure("unbounded_peak_queue"));
    lesson.say(if blocked > 0.0 {
        format!(
            "backpressure: with capacity {capacity}, the producer spent {} blocked on a full \
             queue, and the queue never held more than {bounded_peak} jobs; unbounded, it was \
             blocked {} and the queue grew to {unbounded_peak} jobs.",
            format_duration(Duration::from_secs_f64(blocked)),
            format_duration(Duration::from_secs_f64(unbounded_blocked)),
        )
    } else {
        "backpressure: the producer never found the queue full this time (did the consumer \
         keep up?)."
            .to_owned()
    });
    lesson.say(format!(
        "fan-out: 12 jobs of {} ({} of work) took {} on {workers} workers; {} of 12 results came \
         back once each, with {} working at once on {} threads.",
        format_duration(job_time),
        format_duration(job_time * 12),
        format_duration(elapsed),
        done.len(),
        summary.max_concurrent,
        summary.threads
    ));
    let waits = format!(
        "jobs of {}, {} and {}",
        format_duration(ms(20, 2)),
        format_duration(ms(40, 4)),
        format_duration(ms(1000, 750))
    );
    lesson.say(match collected.gave_up_at {
        Some(at) => format!(
            "select!: {waits}; {} of 3 results arrived, then none for {}, so the collector \
             gave up at {} instead of waiting for the slow job.",
            collected.done.len(),
            format_duration(patience),
            format_duration(at)
        ),
        None => format!("select!: {waits}; every result arrived before the timeout fired."),
    });
    std::process::exit(lesson.finish());
}
