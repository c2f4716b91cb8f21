//! Lesson 02: threads, and concurrency vs parallelism.
//!
//! First the thread basics, one line each: a `move` closure's answer returned by `join`, named
//! threads, scoped threads borrowing, a panicking thread seen as `Err` (its panic message on
//! stderr is expected). Then the tutorials' two charts, measured: one CPU-bound task per core
//! (200 ms of work each, 40 ms with `--quick`, in 6 slices) on one worker, taking turns slice
//! by slice, and on all cores at once; the best of 5 runs of each, taken in turn.
//!
//! Run it: `cargo run -p lesson-02` (add `--quick`, `--json`, `--svg FILE`, `--trace FILE`).

use std::time::Duration;

use instruments::compare::{Columns, Comparison, Keep};
use instruments::runs::kept;
use instruments::summary::median;
use instruments::timeline::format_duration as time;
use instruments::{Lesson, Recorder, work};
use lesson_02::{fresh_thread_cost, run_on_all_cores, run_on_one_worker, tasks, thread_basics};
use lesson_02::{verdict, worker_pool};

fn main() {
    let mut lesson = Lesson::start("lesson-02", "Threads, concurrency and parallelism");
    thread_basics().report(&mut lesson);
    let (cores, quick) = (lesson.cores(), lesson.quick());
    let workers = cores.max(2); // two tasks at least, to have something to interleave
    let (per_task, slices) = (Duration::from_millis(if quick { 40 } else { 200 }), 6);
    let repeats = if quick { 1 } else { 5 };
    let tasks = tasks(workers, slices as usize, work::calibrate(per_task / slices));
    let (one, all) = (worker_pool(1), worker_pool(workers)); // threads start before any clock
    let (per_task, runs) = (time(per_task), kept(repeats, Keep::Best));
    lesson.say(format!(
        "{workers} tasks, each calibrated to {per_task} of work, in {slices} slices; {runs}:\n"
    ));
    let one_worker = |r: &Recorder| run_on_one_worker(&one, &tasks, r);
    let all_cores = |r: &Recorder| run_on_all_cores(&all, &tasks, r);
    let compared = Comparison::new()
        .variant("one_worker", "one worker", one_worker)
        .variant("all_cores", "all cores", all_cores)
        .repeats(repeats, Keep::Best) // the run least disturbed by other programs
        .run();
    let (on_one, on_all) = (compared.get("one_worker"), compared.get("all_cores"));
    assert_eq!(on_one.value, on_all.value, "the same answers both ways");
    let ideal = workers.min(cores) as f64;
    let speedup = compared.speedup("one_worker", "all_cores");
    lesson.ideal(on_one.elapsed.div_f64(ideal));
    let mut columns = Columns::default();
    (columns.speedup_over, columns.spans) = (Some("one_worker"), true);
    compared.report(&mut lesson, columns, |_| Vec::new());
    lesson.draw_timelines();
    lesson.print_table();

    let starts: Vec<Duration> = (0..20).map(|_| fresh_thread_cost()).collect();
    lesson.derive("parallel_speedup", speedup);
    lesson.derive("ideal_speedup", ideal);
    lesson.derive("thread_start_seconds", median(&starts).as_secs_f64());
    let (one, all, verdict) = (on_one.summary, on_all.summary, verdict(speedup, ideal));
    let start = time(median(&starts));
    let slowest = time(starts.into_iter().max().unwrap_or_default());
    lesson.say(format!(
        "one worker: at most {} slice running at a time, on {} thread: the tasks took turns.\n\
         all cores: {} slices running at once, on {} threads.\n\
         all cores: {speedup:.2}x faster than one worker (ideal {ideal}x: {workers} tasks on \
         {cores} cores): {verdict}.\n\
         a fresh thread took {start} to start and join (median of 20, slowest {slowest}); the \
         pools started theirs once, before timing.",
        one.max_concurrent, one.threads, all.max_concurrent, all.threads
    ));
    std::process::exit(lesson.finish());
}
