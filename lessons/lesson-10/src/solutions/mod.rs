//! Lesson 10 reference answers (built with `--features solutions`), one file per exercise, with
//! the same public API as `src/exercises/`.

mod crawl;
mod fetch_pages;

pub use crawl::crawl;
pub use fetch_pages::fetch_pages;
