//! Lesson 02: threads, and concurrency vs parallelism.
//!
//! First the thread basics, one line each: a `move` closure's answer returned by `join`, named
//! threads, scoped threads borrowing, a panicking thread seen as `Err` (its panic message on
//! stderr is expected). Then the tutorials' two charts, measured: one CPU-bound task per core
//! (200 ms of work each, 40 ms with `--quick`, in 6 slices) on one worker, taking turns slice
//! by slice, and on all cores at once; the best of 5 runs of each, taken in turn.
//!
//! Run it: `cargo run --release -p lesson-02` (add `--quick`, `--json`, `--svg FILE`,
//! `--trace FILE`).

use std::time::Duration;

use instruments::runs::{Timed, timed};
use instruments::summary::{median, speedup};
use instruments::timeline::format_duration;
use instruments::{Lesson, Measurement, Recorder, Summary, work};
use lesson_02::{bake_in_faulty_oven, fresh_thread_cost, named_bakers, smallest_and_largest};
use lesson_02::{run_on_all_cores, run_on_one_worker, tasks, total_on_thread, worker_pool};

fn main() {
    let mut lesson = Lesson::start("lesson-02", "Threads, concurrency and parallelism");
    let total = total_on_thread((1..=1000).collect());
    let bakers = named_bakers(3);
    let readings: Vec<u64> = (0..1000).map(|i| (i * 7919) % 1000 + 3).collect();
    let (smallest, largest) = smallest_and_largest(&readings);
    let oven = bake_in_faulty_oven().err().unwrap_or("(no panic)");
    lesson.say(format!(
        "spawn + move + join: a thread added up the 1000 amounts it was given: {total}\n\
         Builder names, seen from inside each thread: {}\n\
         scope: two threads borrowed the same 1000 readings: smallest {}, largest {}\n\
         panic: thread 'oven' panicked; its join returned Err({oven:?}); main carried on\n",
        bakers.join(", "),
        smallest.unwrap_or_default(),
        largest.unwrap_or_default(),
    ));
    lesson.derive("moved_total", total);
    lesson.derive("thread_names", bakers);
    lesson.derive("panic_message", oven);

    let (cores, quick) = (lesson.cores(), lesson.quick());
    let workers = cores.max(2); // two tasks at least, to have something to interleave
    let per_task = Duration::from_millis(if quick { 40 } else { 200 });
    let (slices, repeats) = (6_u32, if quick { 1 } else { 5 });
    let tasks = tasks(workers, slices as usize, work::calibrate(per_task / slices));
    // Both pools start their threads now, before any clock runs.
    let (one, all) = (worker_pool(1), worker_pool(workers));
    lesson.say(format!(
        "{workers} tasks, each calibrated to {} of work, in {slices} slices; {}:\n",
        format_duration(per_task),
        if repeats == 1 {
            "one run".to_owned()
        } else {
            format!("best of {repeats} runs")
        }
    ));
    let on_one = |recorder: &Recorder| run_on_one_worker(&one, &tasks, recorder);
    let on_all = |recorder: &Recorder| run_on_all_cores(&all, &tasks, recorder);
    let (mut one_run, mut all_run) = (timed(on_one), timed(on_all));
    for _ in 1..repeats {
        // Taken in turn, so that a busy moment on the machine falls on either one.
        one_run = fastest(one_run, timed(on_one));
        all_run = fastest(all_run, timed(on_all));
    }
    assert_eq!(
        one_run.value, all_run.value,
        "both ways compute the same answers"
    );

    let (ideal, one_time) = (workers.min(cores) as f64, one_run.elapsed);
    let parallel_speedup = speedup(one_time, all_run.elapsed);
    lesson.ideal(one_time.div_f64(ideal));
    let (one_summary, all_summary) = (Summary::of(&one_run.spans), Summary::of(&all_run.spans));
    for (name, Timed { elapsed, spans, .. }, summary) in [
        ("one worker", one_run, one_summary),
        ("all cores", all_run, all_summary),
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
    lesson.derive("parallel_speedup", parallel_speedup);
    lesson.derive("ideal_speedup", ideal);
    lesson.derive("thread_start_seconds", median(&starts).as_secs_f64());
    let verdict = if parallel_speedup >= 0.95 * ideal {
        "within 5% of the ideal"
    } else if parallel_speedup >= 1.2 {
        "faster, but more than 5% short of the ideal (a busy machine?)"
    } else {
        "no real gain (were the other cores busy?)"
    };
    lesson.say(format!(
        "one worker: at most {} slice running at a time, on {} thread: the tasks took turns.\n\
         all cores: {} slices running at once, on {} threads.\n\
         all cores: {parallel_speedup:.2}x faster than one worker (ideal {ideal}x: {workers} \
         tasks on {cores} cores): {verdict}.\n\
         a fresh thread took {} to start and join (median of 20, slowest {}); the pools \
         started theirs once, before timing.",
        one_summary.max_concurrent,
        one_summary.threads,
        all_summary.max_concurrent,
        all_summary.threads,
        format_duration(median(&starts)),
        format_duration(starts.iter().copied().max().unwrap_or_default()),
    ));
    std::process::exit(lesson.finish());
}

/// The faster of two runs: the one least disturbed by other programs.
fn fastest<T>(a: Timed<T>, b: Timed<T>) -> Timed<T> {
    if b.elapsed < a.elapsed { b } else { a }
}
