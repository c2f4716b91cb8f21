//! Lesson 03 reference answers (built with `--features solutions`), one file per exercise, with
//! the same public API as `src/exercises/`: counters that lose no updates.

mod atomic_counter;
mod mutex_counter;

pub use atomic_counter::AtomicCounter;
pub use mutex_counter::MutexCounter;
