//! Lesson 08 reference answers (built with `--features solutions`), one file per exercise, with
//! the same public API as `src/exercises/`.

mod fetch_all_limited;
mod fetch_page;
mod gather;

pub use fetch_all_limited::fetch_all_limited;
pub use fetch_page::fetch_page;
pub use gather::gather;
