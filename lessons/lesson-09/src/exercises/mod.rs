//! Lesson 09 exercises: a pool of worker processes, and one that survives its workers' deaths.
//!
//! One file per exercise: `process_map.rs` (9.1) and `resilient_map.rs` (9.2). Check your
//! answers with `cargo test -p lesson-09`. The checks start real worker processes (the
//! lesson's binary in worker mode) and read which were alive when, which process answered
//! each job and when, and whether every one was waited for: the right answers are not enough.

mod process_map;
mod resilient_map;

pub use process_map::process_map;
pub use resilient_map::resilient_map;
