//! Lesson 03 exercises: counters that lose no updates.
//!
//! One file per exercise: `mutex_counter.rs` (3.1) and `atomic_counter.rs` (3.2). Check your
//! answers with `cargo test -p lesson-03`. Each counter is checked twice: four threads make
//! 100,000 increments each and the count must be exactly 400,000; then loom runs two threads that
//! increment twice each through *every* possible interleaving, and the count must be 4 in all of
//! them. A counter that is right most of the time passes the first check and fails the second,
//! and the message shows the interleaving that lost an update, step by step.
//!
//! Take `Mutex` and the atomics from `crate::sync` only, never from `std::sync` directly: the
//! loom check compiles these files a second time with `crate::sync` pointing at loom's versions,
//! which is how it sees every lock you take and every atomic operation you make.

mod atomic_counter;
mod mutex_counter;

pub use atomic_counter::AtomicCounter;
pub use mutex_counter::MutexCounter;
