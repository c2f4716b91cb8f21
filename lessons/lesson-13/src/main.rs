//! Lesson 13: errors and cancellation in concurrent code.
//!
//! Five pages fetched at once, the third failing with a 404 after 300 ms: waited for with
//! `join_all` (the others run to their end), with `try_join_all` (they are dropped at the
//! error), as spawned tasks whose handles are dropped (they run on, detached), and as tasks
//! that a `CancellationToken` stops; how long the others went on after the error, from their
//! spans; and the same in Python's asyncio (`python/errors.py`, if `python3` is on PATH:
//! `gather` leaves the others running, `TaskGroup` cancels them). Then a panic lost in a detached task against one reported by a `JoinSet`, and a fact
//! a line for the rest: `join`, `thread::scope`, `JoinError`, `timeout`, `select!`, rayon and
//! `panic = "abort"`. A panic hook records the panics this provokes instead of printing them.
//!
//! Run it: `cargo run -p lesson-13` (add `--quick`, `--json`, `--svg FILE`, `--trace FILE`).

use std::time::Duration;

use instruments::Lesson;
use lesson_13::{current_thread_runtime, panics, report, tour};

fn main() {
    if std::env::var_os(tour::CHILD).is_some() {
        tour::panic_abort_child(); // the child of the `panic = "abort"` fact; never returns
    }
    panics::record_instead_of_printing();
    let mut lesson = Lesson::start("lesson-13", "Errors and cancellation");
    let unit = Duration::from_millis(if lesson.quick() { 10 } else { 100 });
    let runtime = current_thread_runtime();
    report::fail_fast(&mut lesson, &runtime, unit);
    report::python(&mut lesson, unit);
    report::lost_panic(&mut lesson, &runtime, unit);
    report::facts_and_panics(&mut lesson);
    std::process::exit(lesson.finish());
}
