//! Lesson 02: threads, and concurrency vs parallelism.
//!
//! First the thread basics, one line each: a `move` closure's answer returned by `join`, named
//! threads, scoped threads borrowing, a panicking thread seen as `Err`. (That thread's panic
//! message on stderr is expected.) Then the tutorials' two charts, measured: one CPU-bound task
//! per core (200 ms of work each, 25 ms with `--quick`, in 6 slices) on one worker, taking
//! turns slice by slice, and on all cores at once; the best of 5 runs of each.
//!
//! Run it: `cargo run --release -p lesson-02` (add `--quick`, `--json`, `--svg FILE`,
//! `--trace FILE`).

use std::time::{Duration, Instant};

use instruments::summary::{median, speedup};
use instruments::timeline::format_duration;
use instruments::{Lesson, Measurement, Recorder, Span, Summary, work};
use lesson_02::worker_pool;
use lesson_02::{Task, bake_in_faulty_oven, fresh_thread_cost, named_bakers};
use lesson_02::{run_on_all_cores, run_on_one_worker, smallest_and_largest, total_on_thread};

fn main() {
    let mut lesson = Lesson::start("lesson-02", "Threads, and concurrency vs parallelism");
    let total = total_on_thread((1..=1000).collect());
    let bakers = named_bakers(3);
    let readings: Vec<u64> = (0..1000).map(|i| (i * 7919) % 1000 + 3).collect();
    let (smallest, largest) = smallest_and_largest(&readings);
    let oven = bake_in_faulty_oven().err().unwrap_or("no panic?");
    lesson.say(format!(
        "spawn + move + join: a thread added up the 1000 amounts it was given: {total}\n\
         Builder names, seen from inside each thread: {}\n\
         scope: two threads borrowed the same {} readings: smallest {}, largest {}\n\
         panic: thread 'oven' panicked; its join returned Err({oven:?}); main carried on\n",
        bakers.join(", "),
        readings.len(),
        smallest.unwrap_or_default(),
        largest.unwrap_or_default(),
    ));
    lesson.derive("moved_total", total);
    lesson.derive("thread_names", bakers);
    lesson.derive("panic_message", oven);

    let cores = lesson.cores();
    let workers = cores.max(2); // two tasks at least, to have something to interleave
    let per_task = Duration::from_millis(if lesson.quick() { 25 } else { 200 });
    let slices = 6;
    let terms = work::calibrate(per_task / slices as u32);
    let tasks: Vec<Task> = (0..workers)
        .map(|i| Task {
            name: format!("Task {}", char::from(b'A' + (i % 26) as u8)),
            slices,
            terms_per_slice: terms,
        })
        .collect();
    // Both pools start their threads now, before any clock runs.
    let (one, all) = (worker_pool(1), worker_pool(workers));
    let repeats = if lesson.quick() { 1 } else { 5 };
    lesson.say(format!(
        "{workers} tasks of {} each, in {slices} slices; best of {repeats} runs:\n",
        format_duration(per_task)
    ));
    let (one_time, one_spans, one_totals) =
        best_of(repeats, |r| run_on_one_worker(&one, &tasks, r));
    let (all_time, all_spans, all_totals) = best_of(repeats, |r| run_on_all_cores(&all, &tasks, r));
    assert_eq!(one_totals, all_totals, "both ways compute the same answers");

    let ideal = workers.min(cores) as f64;
    let parallel_speedup = speedup(one_time, all_time);
    lesson.ideal(one_time.div_f64(ideal));
    let (one_summary, all_summary) = (Summary::of(&one_spans), Summary::of(&all_spans));
    for (name, elapsed, spans, summary) in [
        ("one worker", one_time, one_spans, one_summary),
        ("all cores", all_time, all_spans, all_summary),
    ] {
        lesson.measure(
            Measurement::new(name, elapsed)
                .with("speedup", speedup(one_time, elapsed))
                .with("threads_used", summary.threads)
                .with("most_at_once", summary.max_concurrent),
        );
        lesson.timeline(name, spans);
    }
    lesson.draw_timelines();
    lesson.print_table();

    let starts: Vec<Duration> = (0..20).map(|_| fresh_thread_cost()).collect();
    let start_cost = median(&starts);
    lesson.derive("parallel_speedup", parallel_speedup);
    lesson.derive("ideal_speedup", ideal);
    lesson.derive("thread_start_seconds", start_cost.as_secs_f64());
    let verdict = if parallel_speedup >= 0.95 * ideal {
        "within 5% of the ideal"
    } else if parallel_speedup >= 1.2 {
        "faster, but short of the ideal (a busy machine?)"
    } else {
        "no real gain: were the other cores busy?"
    };
    lesson.say(format!(
        "one worker: at most {} slice running at a time, on {} thread: the tasks took turns.\n\
         all cores: {} slices running at once, on {} threads.",
        one_summary.max_concurrent,
        one_summary.threads,
        all_summary.max_concurrent,
        all_summary.threads
    ));
    lesson.say(format!(
        "all cores: {parallel_speedup:.2}x faster than one worker (ideal {ideal}x: {workers} \
         tasks on {cores} cores), {verdict}.\n\
         a fresh thread took {} to start and join (median of 20, slowest {}); the pools \
         started theirs once, before timing.",
        format_duration(start_cost),
        format_duration(starts.iter().copied().max().unwrap_or_default()),
    ));
    std::process::exit(lesson.finish());
}

/// Runs `run` `repeats` times, each with a fresh recorder, and keeps the fastest run: its
/// time, its spans and its answers. The fastest is the one least disturbed by other programs.
fn best_of(repeats: usize, run: impl Fn(&Recorder) -> Vec<u64>) -> (Duration, Vec<Span>, Vec<u64>) {
    let mut best: Option<(Duration, Vec<Span>, Vec<u64>)> = None;
    for _ in 0..repeats.max(1) {
        let recorder = Recorder::new();
        let started = Instant::now();
        let totals = run(&recorder);
        let elapsed = started.elapsed();
        if best
            .as_ref()
            .is_none_or(|(fastest, _, _)| elapsed < *fastest)
        {
            best = Some((elapsed, recorder.spans(), totals));
        }
    }
    best.expect("at least one run")
}
