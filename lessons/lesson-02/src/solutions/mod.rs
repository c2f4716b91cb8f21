//! Lesson 02 reference answers (built with `--features solutions`), one file per exercise, with
//! the same public API as `src/exercises/`.

mod parallel_sum;
mod run_jobs;

pub use parallel_sum::parallel_sum;
pub use run_jobs::run_jobs;
