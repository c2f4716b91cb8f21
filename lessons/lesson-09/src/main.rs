//! Lesson 09: processes, measured in one run.
//!
//! What a thread costs to start and join against a process (this binary, started and waited
//! for); a round trip through a channel against one through a worker's pipes (JSON lines);
//! separate memory (a static counter a child adds to is still 0 here); crash isolation (an
//! abort in a worker process costs only that worker; the same abort in a thread ends its whole
//! process, shown in a child); a Python script as a worker, through the same pipes; and the
//! tutorials' CPU job on a pool of worker processes beside rayon's threads. `pool` runs just
//! the pool (see `src/pool_cli.rs`).
//!
//! Run it: `cargo run -p lesson-09` (add `--quick`, `--json`, `--svg FILE`, `--trace FILE`),
//! or `cargo run -p lesson-09 -- pool --jobs 12 --job-ms 500 --workers 2`.

use instruments::compare::{Comparison, Keep};
use instruments::{Lesson, work};
use lesson_09::report::{Counts, costs, crashes, memory, other_program};
use lesson_09::{channel_round_trips, pipe_round_trips, spawn_processes, spawn_threads};
use lesson_09::{cpu_jobs, pool_of_processes, rayon_threads, sequential, this_binary_as_worker};

fn main() {
    // The guard comes first: a child started in a worker mode serves and exits here, and
    // never runs the lesson (Python's `if __name__ == "__main__":`).
    if let Some(status) = lesson_09::worker_mode().or_else(lesson_09::pool_cli::run_if_asked) {
        std::process::exit(status);
    }
    let mut lesson = Lesson::start("lesson-09", "Processes");
    let (n, me) = (Counts::new(lesson.quick()), this_binary_as_worker());
    let (threads, processes, trips) = (n.threads, n.processes, n.round_trips);
    let (thread_key, process_key) = ("thread_spawn_join", "process_spawn_wait");
    let (channel_key, pipe_key) = ("channel_round_trips", "pipe_round_trips");
    let start = Comparison::new()
        .variant(thread_key, n.name(thread_key), |r| {
            spawn_threads(threads, r)
        })
        .variant(process_key, n.name(process_key), |r| {
            spawn_processes(processes, &me, r)
        })
        .variant(channel_key, n.name(channel_key), |r| {
            channel_round_trips(trips, r)
        })
        .variant(pipe_key, n.name(pipe_key), |r| {
            pipe_round_trips(trips, &me, r)
        })
        .repeats(5, Keep::Best)
        .run();
    start.rows(&mut lesson, Default::default(), |o| n.each_column(o));
    costs(&mut lesson, &start, &n);
    memory(&mut lesson, &me, n.increments);
    crashes(&mut lesson, &me);
    other_program(&mut lesson, &me, n.python_terms);

    let jobs = cpu_jobs(n.cpu_jobs, work::calibrate(n.cpu_job));
    let cores = lesson.cores();
    let cpu = Comparison::new()
        .variant("sequential", "sequential", |r| sequential(&jobs, r))
        .variant("rayon", "rayon, one process", |r| rayon_threads(&jobs, r))
        .variant("process_pool", format!("{cores} worker processes"), |r| {
            pool_of_processes(&me, &jobs, cores, r)
        })
        .repeats(3, Keep::Best)
        .run();
    cpu.report(&mut lesson, n.cpu_columns(), |_| Vec::new());
    lesson.draw_timelines();
    lesson.print_table();
    lesson_09::report::cpu(&mut lesson, &cpu, &n);
    std::process::exit(lesson.finish());
}
