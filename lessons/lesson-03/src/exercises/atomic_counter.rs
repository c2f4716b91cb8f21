//! Exercise 3.2 `AtomicCounter`: a counter on an `AtomicU64` that loses no updates, lockless.
//!
//! Take the atomics from `crate::sync` only, never from `std::sync` (however the import is
//! spelled): the loom check compiles this file a second time with `crate::sync` pointing at
//! loom's versions, which is how it sees every atomic operation you make.

#[allow(unused_imports)] // you will need these
use crate::sync::atomic::{AtomicU64, Ordering};

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
            "exercise 3.2 `AtomicCounter` (lessons/lesson-03/src/exercises/atomic_counter.rs): \
             `new`: give the counter a field holding `AtomicU64::new(0)`"
        )
    }

    /// Adds one, losing nothing when several threads call it at once.
    pub fn increment(&self) {
        // TODO: one atomic read-modify-write, not a load followed by a store.
        todo!(
            "exercise 3.2 `AtomicCounter` (lessons/lesson-03/src/exercises/atomic_counter.rs): \
             `increment`: add one with a single atomic operation (not a load then a store)"
        )
    }

    /// The count now.
    pub fn get(&self) -> u64 {
        // TODO: read the count atomically.
        todo!(
            "exercise 3.2 `AtomicCounter` (lessons/lesson-03/src/exercises/atomic_counter.rs): \
             `get`: load the count"
        )
    }
}
