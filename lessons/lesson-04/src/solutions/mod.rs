//! Lesson 04 reference answers (built with `--features solutions`), one file per exercise, with
//! the same public API as `src/exercises/`.

mod compute_all_parallel;
mod io_wait;
mod switch_if_due;

pub use compute_all_parallel::compute_all_parallel;
pub use io_wait::io_wait;
pub use switch_if_due::switch_if_due;
