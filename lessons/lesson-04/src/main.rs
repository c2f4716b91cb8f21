//! Lesson 04: the GIL.
//!
//! Runs four CPU-bound jobs and four downloads on a simulated Python interpreter, whose threads
//! must hold one global lock (the GIL) to run bytecode: first one after another, then on four
//! Python threads. Then the same CPU jobs as plain Rust on rayon, with no GIL. If `python3` is on
//! PATH, the tutorials' own programs (`python/cpu_bound.py`, `python/io_bound.py`) run too, each
//! killed if it takes longer than a generous limit, and their timings join the table.
//!
//! Run it: `cargo run --release -p lesson-04` (add `--quick`, `--json`, `--svg FILE`,
//! `--trace FILE`).

use std::time::Duration;

use instruments::summary::{ratio_to_ideal, speedup};
use instruments::timeline::format_duration;
use instruments::{Lesson, Recorder};
use lesson_04::report::{grouped, measure, python_rows};
use lesson_04::*;

fn main() {
    let mut lesson = Lesson::start("lesson-04", "The GIL");
    let quick = lesson.quick();
    // Full runs keep the best of 40, so a busy moment on a shared machine counts less.
    let (job_time, latency, repeats) = match quick {
        true => (Duration::from_millis(8), Duration::from_millis(20), 1),
        false => (Duration::from_millis(10), Duration::from_millis(50), 40),
    };
    let jobs = vec![terms_for(job_time); 4];
    let gil = |recorder: &Recorder| Interpreter::new(DEFAULT_SWITCH_INTERVAL, recorder);
    // Warm up (rayon's pool starts its threads on first use; the CPU settles) before timing.
    rayon::broadcast(|_| ());
    run_sequential(&gil(&Recorder::new()), jobs.clone(), compute);
    lesson.ideal(latency); // four downloads at once take as long as one
    lesson.say(format!(
        "Four CPU-bound jobs of {} terms each (sized for about {}), then four downloads of {}; \
         switch interval {}; CPU runs: best of {repeats}.\n",
        grouped(jobs[0]),
        format_duration(job_time),
        format_duration(latency),
        format_duration(DEFAULT_SWITCH_INTERVAL)
    ));

    let gil_sequential = |r: &Recorder| run_sequential(&gil(r), jobs.clone(), compute).len();
    let gil_threads = |r: &Recorder| run_threads(&gil(r), jobs.clone(), compute).len();
    let sequential = |r: &Recorder| compute_all_sequential(&jobs, r).len();
    let no_gil = |r: &Recorder| compute_all_no_gil(&jobs, r).len();
    let [cpu, threads, native, rayon] = measure(
        &mut lesson,
        repeats,
        4,
        [
            ("cpu: sequential, GIL", 0, &gil_sequential),
            ("cpu: 4 GIL threads", 0, &gil_threads),
            ("cpu: sequential, no GIL", 2, &sequential),
            ("cpu: rayon, no GIL", 2, &no_gil),
        ],
    );
    lesson.draw_timelines();
    // The waits are sleeps, which a busy machine hardly changes: one run of each is enough.
    let sequential = |r: &Recorder| run_sequential(&gil(r), vec![latency; 4], download).len();
    let gil_threads = |r: &Recorder| run_threads(&gil(r), vec![latency; 4], download).len();
    let [io, io_threads] = measure(
        &mut lesson,
        1,
        4,
        [
            ("io: sequential, GIL", 0, &sequential),
            ("io: 4 GIL threads", 0, &gil_threads),
        ],
    );
    lesson.draw_timelines();

    // The tutorials' own programs, at their size (5_000_000) or a small one; killed if stuck.
    let limit = Duration::from_secs(if quick { 30 } else { 120 });
    let size = if quick { 100_000 } else { 5_000_000 }.to_string();
    let wait = latency.as_secs_f64().to_string();
    let python = [
        python_rows(&mut lesson, "cpu", "cpu_bound.py", size, limit),
        python_rows(&mut lesson, "io", "io_bound.py", wait, limit),
    ];
    lesson.print_table();

    let (gil_cpu, no_gil) = (speedup(cpu, threads), speedup(native, rayon));
    let io_ratio = ratio_to_ideal(io_threads, latency);
    lesson.derive("cpu_gil_threads_speedup", gil_cpu);
    lesson.derive("cpu_no_gil_speedup", no_gil);
    lesson.derive("io_gil_threads_speedup", speedup(io, io_threads));
    lesson.derive("io_ratio_to_ideal", io_ratio);
    let verdict = match gil_cpu {
        s if (0.9..=1.1).contains(&s) => "no faster than one thread: one ran at a time",
        s if s > 1.1 => "faster than one thread, which a GIL should not allow (a busy moment?)",
        _ => "slower than one thread: switching cost more than usual (a busy machine?)",
    };
    let one = "the speed of one thread";
    lesson.say(format!(
        "GIL threads, CPU-bound: {gil_cpu:.2}x {one}, {verdict}."
    ));
    let verdict = match io_ratio {
        r if r <= 1.1 => "within 10% of one download: the waits overlapped",
        _ => "more than 10% over one download (a busy machine?)",
    };
    let time = format!("{io_ratio:.2}x one download's time");
    lesson.say(format!("GIL threads, I/O-bound: {time}, {verdict}."));
    let cores = lesson.cores();
    let verdict = match no_gil / cores as f64 {
        share if share >= 0.95 => "within 5% of the ideal",
        _ => "short of the ideal (a busy machine?)",
    };
    let ideal = format!("on {cores} cores (ideal {cores}x)");
    lesson.say(format!(
        "rayon, no GIL: {no_gil:.2}x {one} {ideal}, {verdict}."
    ));
    python.iter().for_each(|line| lesson.say(line));
    std::process::exit(lesson.finish());
}
