//! Lesson 06 reference answers (built with `--features solutions`), one file per exercise, with
//! the same public API as `src/exercises/`.

mod bank;
mod semaphore;

pub use bank::Bank;
pub use semaphore::{Permit, Semaphore};
