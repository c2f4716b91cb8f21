//! Exercise 3.1 `MutexCounter`: a counter on a `Mutex` that loses no updates.
//!
//! Take `Mutex` from `crate::sync` only, never from `std::sync` (however the import is spelled):
//! the loom check compiles this file a second time with `crate::sync` pointing at loom's
//! versions, which is how it sees every lock you take.

#[allow(unused_imports)] // you will need it
use crate::sync::Mutex;

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
            "exercise 3.1 `MutexCounter` (lessons/lesson-03/src/exercises/mutex_counter.rs): \
             `new`: give the counter a field holding `Mutex::new(0)`"
        )
    }

    /// Adds one, losing nothing when several threads call it at once.
    pub fn increment(&self) {
        // TODO: lock, add one, unlock (the guard unlocks when it is dropped).
        todo!(
            "exercise 3.1 `MutexCounter` (lessons/lesson-03/src/exercises/mutex_counter.rs): \
             `increment`: lock the mutex and add one through the guard"
        )
    }

    /// The count now.
    pub fn get(&self) -> u64 {
        // TODO: lock and read the count.
        todo!(
            "exercise 3.1 `MutexCounter` (lessons/lesson-03/src/exercises/mutex_counter.rs): \
             `get`: lock the mutex and return the count"
        )
    }
}
