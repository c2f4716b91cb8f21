//! Lesson 04: the GIL.
//!
//! Runs four CPU-bound jobs and four downloads on a simulated Python interpreter, whose threads
//! must hold one global lock (the GIL) to run bytecode: first one after another, then on four
//! Python threads. Then the same CPU jobs as plain Rust on rayon, with no GIL. If `python3` is on
//! PATH, the tutorials' own programs (`python/cpu_bound.py`, `python/io_bound.py`) run too, each
//! killed if it takes longer than a generous limit, and their timings join the table.
//!
//! Run it: `cargo run -p lesson-04` (add `--quick`, `--json`, `--svg FILE`, `--trace FILE`).

use instruments::Lesson;
use instruments::compare::{Columns, Comparison, Keep};
use lesson_04::report::{Sizes, Verdicts, figures, gil_sequential, gil_threads, python_programs};
use lesson_04::{compute, compute_all_no_gil, compute_all_sequential, download};

fn main() {
    let mut lesson = Lesson::start("lesson-04", "The GIL");
    let sizes = Sizes::new(lesson.quick()); // calibrated on this machine, now
    lesson.ideal(sizes.latency); // four downloads at once take as long as one
    lesson.say(sizes.to_string());
    let (jobs, waits) = (&sizes.jobs, &sizes.waits);

    // CPU runs keep the best of each, taken in turns: the least disturbed by other programs.
    let cpu = Comparison::new()
        .variant("cpu_sequential_gil", "cpu: sequential, GIL", |r| {
            gil_sequential(r, jobs, compute)
        })
        .variant("cpu_gil_threads", "cpu: 4 GIL threads", |r| {
            gil_threads(r, jobs, compute)
        })
        .variant("cpu_sequential_no_gil", "cpu: sequential, no GIL", |r| {
            compute_all_sequential(jobs, r)
        })
        .variant("cpu_rayon_no_gil", "cpu: rayon, no GIL", |r| {
            compute_all_no_gil(jobs, r)
        })
        .repeats(sizes.repeats, Keep::Best)
        .run();
    cpu.report(&mut lesson, Columns::default(), |run| figures(&cpu, run));
    lesson.draw_timelines();

    // The waits are sleeps, which a busy machine hardly changes: one run of each is enough.
    let io = Comparison::new()
        .variant("io_sequential_gil", "io: sequential, GIL", |r| {
            gil_sequential(r, waits, download)
        })
        .variant("io_gil_threads", "io: 4 GIL threads", |r| {
            gil_threads(r, waits, download)
        })
        .run();
    io.report(&mut lesson, Columns::default(), |run| figures(&io, run));
    lesson.draw_timelines();

    let python = python_programs(&mut lesson, &sizes);
    lesson.print_table();
    Verdicts::of(&cpu, &io, &sizes, lesson.cores()).report(&mut lesson);
    python.iter().for_each(|line| lesson.say(line));
    std::process::exit(lesson.finish());
}
