//! Lesson 06 exercises: a semaphore from a lock and a condition variable, and a bank that
//! cannot deadlock.
//!
//! One file per exercise: `semaphore.rs` (6.1) and `bank.rs` (6.2). Check your answers with
//! `cargo test -p lesson-06`. The checks run your code on real threads, each inside a time limit
//! of a few seconds (an answer that deadlocks or loses a wakeup fails with a message naming what
//! waited, instead of hanging), and under loom, which tries every interleaving of your locks,
//! waits and wakeups and shows the one that goes wrong, step by step.

mod bank;
mod semaphore;

pub use bank::Bank;
pub use semaphore::{Permit, Semaphore};
