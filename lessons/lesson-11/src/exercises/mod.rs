//! Lesson 11 exercises: a streaming pipeline from downloads to analyses, and an async runtime
//! kept responsive while the CPU works.
//!
//! One file per exercise: `stream_pages.rs` (11.1) and `analyse_all.rs` (11.2). Check your
//! answers with `cargo test -p lesson-11`. The checks count what the pipeline held and when
//! each analysis started: the right reports are not enough, the analyses must start while
//! downloads still run, off the runtime's thread, and the queue must stay within its capacity.

mod analyse_all;
mod stream_pages;

pub use analyse_all::analyse_all;
pub use stream_pages::stream_pages;
