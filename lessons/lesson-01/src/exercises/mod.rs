//! Lesson 01 exercises: make the downloads concurrent.
//!
//! One file per exercise: `download_all_threads.rs` (1.1) and `download_all_async.rs` (1.2).
//! Check your answers with `cargo test -p lesson-01`. The checks want the pages in the order
//! of the urls *and* every download running at the same time: a sequential answer gets the
//! right pages and still fails, and so does one that waits by blocking inside async code.

mod download_all_async;
mod download_all_threads;

pub use download_all_async::download_all_async;
pub use download_all_threads::download_all_threads;
