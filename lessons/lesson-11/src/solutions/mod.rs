//! Lesson 11 reference answers (built with `--features solutions`), one file per exercise, with
//! the same public API as `src/exercises/`.

mod analyse_all;
mod stream_pages;

pub use analyse_all::analyse_all;
pub use stream_pages::stream_pages;
