//! Lesson 09 reference answers (built with `--features solutions`), one file per exercise, with
//! the same public API as `src/exercises/`.

mod process_map;
mod resilient_map;

pub use process_map::process_map;
pub use resilient_map::resilient_map;
