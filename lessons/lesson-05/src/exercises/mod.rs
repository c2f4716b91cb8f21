//! Lesson 05 exercises: a pipeline over channels, and a worker that can be cancelled. One file
//! per exercise: `pipeline.rs` (5.1) and `work_until_cancelled.rs` (5.2).
//!
//! Check your answers with `cargo test -p lesson-05`. The checks want every result exactly
//! once and in order, the channels really bounded (the generator held back by a full queue),
//! every worker working at the same time (read from the recorded spans), a cancel seen even
//! while waiting for a job, and everything to end by itself: an answer that hangs fails within
//! seconds with a message saying what was still waiting.

mod pipeline;
mod work_until_cancelled;

pub use pipeline::pipeline;
pub use work_until_cancelled::work_until_cancelled;
