//! Lesson 05: queues and channels.
//!
//! A producer makes 16 jobs fast (4 ms each; `--quick`: 1 ms) and one consumer does them slowly
//! (25 ms each; `--quick`: 4 ms), first through a bounded channel of capacity 4, then through an
//! unbounded one: the bounded queue holds the producer back (its blocked sends are recorded and
//! drawn), the unbounded one lets the queue grow. Then 12 jobs fanned out to 3 workers over
//! std's `mpsc` and fanned back in, and a collector whose `select!` gives up on a slow job.
//!
//! Run it: `cargo run -p lesson-05` (add `--quick`, `--json`, `--svg FILE`, `--trace FILE`).

use std::time::Duration;

use instruments::compare::{Columns, Comparison};
use instruments::{Lesson, Recorder};
use lesson_05::{QueueRun, collect_with_patience, fan_out_run, numbered, queue_run};

fn main() {
    let mut lesson = Lesson::start("lesson-05", "Queues and channels");
    let quick = lesson.quick();
    let ms = |full: u64, fast: u64| Duration::from_millis(if quick { fast } else { full });
    let (make, consume, capacity, count) = (ms(4, 1), ms(25, 4), 4, 16);
    lesson.ideal(consume * count as u32); // the consumer's own work is the floor
    lesson.say(QueueRun::setting(count, make, consume));

    let queue = |capacity| move |r: &Recorder| queue_run(count, consume, capacity, make, r);
    let queues = Comparison::new()
        .variant("bounded", "bounded", queue(Some(capacity)))
        .variant("unbounded", "unbounded", queue(None))
        .run();
    queues.rows(&mut lesson, Columns::default(), |run| run.value.columns());
    for run in &queues.outcomes {
        assert_eq!(run.value.done as u64, count, "every job is consumed");
        for (key, figure) in run.value.figures(run.key) {
            lesson.derive(&key, figure);
        }
        lesson.timeline(run.value.title(run.key), run.spans.clone());
    }
    lesson.draw_timelines();
    lesson.derive("queue_capacity", capacity);

    let (workers, job_time) = (3, ms(50, 8));
    let fan_out = move |r: &Recorder| fan_out_run(12, job_time, workers, r);
    let fan_out = Comparison::new()
        .variant("fan_out", format!("fan-out, {workers} workers"), fan_out)
        .run();
    // Its figures go to the JSON report and the sentence below, keeping the table narrow.
    fan_out.rows(&mut lesson, Columns::default(), |_| Vec::new());
    let fanned = fan_out.get("fan_out");
    for (key, figure) in fanned.value.figures() {
        lesson.derive(key, figure);
    }
    let title = "fan-out to 3 workers, fan-in of results (std mpsc)";
    lesson.timeline(title, fanned.spans.clone());
    lesson.draw_timelines();

    // `--quick`: tiny fast jobs and long patience, so a busy machine cannot make one late.
    let (patience, slow) = (
        ms(100, 250),
        numbered(&[ms(20, 2), ms(40, 4), ms(1000, 750)]),
    );
    let collected = collect_with_patience(slow.clone(), patience, &Recorder::new());
    lesson.derive("select_results", collected.done.len());
    lesson.derive("select_gave_up", collected.gave_up_at.is_some());
    lesson.print_table();
    let queue = |key| &queues.get(key).value;
    lesson.say(QueueRun::backpressure(queue("bounded"), queue("unbounded")));
    lesson.say(fanned.value.verdict(fanned.elapsed));
    lesson.say(collected.verdict(&slow, patience));
    std::process::exit(lesson.finish());
}
