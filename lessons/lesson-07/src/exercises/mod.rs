//! Lesson 07 exercises: letter frequencies spread over workers, and a pool of your own. One
//! file per exercise: `frequency.rs` (7.1) and `pool.rs` (7.2).
//!
//! Check your answers with `cargo test -p lesson-07`. The checks want the right answers *and*
//! work that really ran on every worker at once: 7.1's texts counted at the same moment (a
//! lock around the counting shows), 7.2's pool running exactly its own `workers` threads, again
//! and again, surviving panics and stopping its threads when dropped. An answer that hangs
//! fails within seconds with a message saying where.

mod frequency;
mod pool;

pub use frequency::frequency;
pub use pool::{Pool, PoolError};
