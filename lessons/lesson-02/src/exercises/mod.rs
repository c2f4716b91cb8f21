//! Lesson 02 exercises: a parallel sum on scoped threads, and jobs whose panics are caught.
//!
//! One file per exercise: `parallel_sum.rs` (2.1) and `run_jobs.rs` (2.2). Check your answers
//! with `cargo test -p lesson-02`. The checks want the right answers *and* work that really ran
//! on several threads at once (read from recorded spans, not the clock): a sequential answer
//! gets the right numbers and still fails.

mod parallel_sum;
mod run_jobs;

pub use parallel_sum::parallel_sum;
pub use run_jobs::run_jobs;
