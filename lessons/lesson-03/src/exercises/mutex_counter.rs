//! Lesson 03 exercises: counters that lose no updates.
//!
//! Check your answers with `cargo test -p lesson-03`. Each counter is checked twice: four
//! threads make 100,000 increments each and the count must be exactly 400,000; then loom runs
//! two threads that increment twice each through *every* possible interleaving, and the count
//! must be 4 in all of them. A counter that is right most of the time passes the first check and
//! fails the second.
//!
//! Take `Mutex` and the atomics from `crate::sync` only, never from `std::sync` directly: the
//! loom check compiles this file a second time with `crate::sync` pointing at loom's versions,
//! which is how it sees every lock you take and every atomic operation you make.

#[allow(unused_imports)] // you will need these
use crate::sync::Mutex;
#[allow(unused_imports)] // and these
use crate::sync::atomic::{AtomicU64, Ordering};

/// Exercise 3.1: a counter that several threads can share, whose `increment` never loses an
/// update, built on a `Mutex`. Python's version is `with lock: counter += 1`.
///
/// Hint: put the count *inside* the mutex (`Mutex<u64>`), so that the only way to reach it is
/// `self.count.lock()`; then `*guard += 1` reads, adds and writes while the lock is held.
#[derive(Debug, Default)]
pub struct MutexCounter {
    // TODO: replace this placeholder with the count, kept inside a `Mutex<u64>`.
    _placeholder: (),
}

impl MutexCounter {
    /// A counter at zero.
    pub fn new() -> Self {
        // TODO: build the counter with its count at zero.
        todo!(
            "exercise 3.1 `MutexCounter::new` in lessons/lesson-03/src/exercises.rs: \
             give the counter a field holding `Mutex::new(0)`"
        )
    }

    /// Adds one, losing nothing when several threads call it at once.
    pub fn increment(&self) {
        // TODO: lock, add one, unlock (the guard unlocks when it is dropped).
        todo!(
            "exercise 3.1 `MutexCounter::increment` in lessons/lesson-03/src/exercises.rs: \
             lock the mutex and add one through the guard"
        )
    }

    /// The count now.
    pub fn get(&self) -> u64 {
        // TODO: lock and read the count.
        todo!(
            "exercise 3.1 `MutexCounter::get` in lessons/lesson-03/src/exercises.rs: \
             lock the mutex and return the count"
        )
    }
}

/// Exercise 3.2: the same counter without a lock, built on an `AtomicU64`.
///
/// Hint: the racy counter in `racy.rs` also uses an `AtomicU64`, and still loses updates,
/// because its `load` and its `store` are two operations with a gap between them. Look for the
/// one atomic method that reads, adds and writes in a single step. `Ordering::Relaxed` is
/// enough for a count.
#[derive(Debug, Default)]
pub struct AtomicCounter {
    // TODO: replace this placeholder with the count, an `AtomicU64`.
    _placeholder: (),
}

impl AtomicCounter {
    /// A counter at zero.
    pub fn new() -> Self {
        // TODO: build the counter with its count at zero.
        todo!(
            "exercise 3.2 `AtomicCounter::new` in lessons/lesson-03/src/exercises.rs: \
             give the counter a field holding `AtomicU64::new(0)`"
        )
    }

    /// Adds one, losing nothing when several threads call it at once.
    pub fn increment(&self) {
        // TODO: one atomic read-modify-write, not a load followed by a store.
        todo!(
            "exercise 3.2 `AtomicCounter::increment` in lessons/lesson-03/src/exercises.rs: \
             add one with a single atomic operation (not a load then a store)"
        )
    }

    /// The count now.
    pub fn get(&self) -> u64 {
        // TODO: read the count atomically.
        todo!(
            "exercise 3.2 `AtomicCounter::get` in lessons/lesson-03/src/exercises.rs: \
             load the count"
        )
    }
}
