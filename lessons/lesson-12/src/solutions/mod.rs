//! Lesson 12, the reference answer: the decision as code.
//!
//! One file: `choose.rs` (12.1). Check your answer with `cargo test -p lesson-12`. The checks
//! run your pick against the other models on small instances, on this machine, and want it
//! within a generous margin of the best measured there; and some cases follow from facts, not
//! timings (100,000 waits at once; code that may crash its process).

mod choose;

pub use choose::choose;
