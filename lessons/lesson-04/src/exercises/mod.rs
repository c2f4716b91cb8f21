//! Lesson 04 exercises: build the GIL's three escape hatches yourself.
//!
//! One file per exercise: `io_wait.rs` (4.1), `switch_if_due.rs` (4.2) and
//! `compute_all_parallel.rs` (4.3). Check your answers with `cargo test -p lesson-04`. The
//! checks read the recorded timeline: who held the GIL when, which waits overlapped, which
//! threads computed. A right result from code that kept the GIL the whole time still fails.
//!
//! The tools, all methods of [`PyThread`](crate::PyThread): `release_gil()`, `acquire_gil()`,
//! `holds_gil()`, `held_for()` (how long it has held the GIL without a break),
//! `switch_interval()`, `others_waiting()` and `recorder()`.

mod compute_all_parallel;
mod io_wait;
mod switch_if_due;

pub use compute_all_parallel::compute_all_parallel;
pub use io_wait::io_wait;
pub use switch_if_due::switch_if_due;
