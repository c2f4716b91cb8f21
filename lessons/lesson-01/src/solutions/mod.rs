//! Lesson 01 reference answers (built with `--features solutions`), one file per exercise, with
//! the same public API as `src/exercises/`.

mod download_all_async;
mod download_all_threads;

pub use download_all_async::download_all_async;
pub use download_all_threads::download_all_threads;
