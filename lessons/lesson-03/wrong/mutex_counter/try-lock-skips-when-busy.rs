// WRONG [result]: uses try_lock and skips the increment when another thread holds the lock. => "were lost"
//! Exercise 3.1 `MutexCounter`, the reference answer (built with `--features solutions`). Like
//! the exercise, it takes `Mutex` from `crate::sync` only, so the loom check can compile it
//! against loom's version.

use crate::sync::Mutex;

/// Exercise 3.1: a counter whose count lives inside a `Mutex`.
#[derive(Debug, Default)]
pub struct MutexCounter {
    count: Mutex<u64>,
}

impl MutexCounter {
    /// A counter at zero.
    pub fn new() -> Self {
        MutexCounter {
            count: Mutex::new(0),
        }
    }

    /// Adds one: the read, the add and the write all happen while this thread holds the lock.
    pub fn increment(&self) {
        // The guard is a temporary, dropped (unlocking) at the end of this statement.
        // Deliberately wrong: when the lock is busy, the increment is dropped.
        if let Ok(mut count) = self.count.try_lock() {
            *count += 1;
        }
    }

    /// The count now.
    pub fn get(&self) -> u64 {
        *self
            .count
            .lock()
            .expect("no thread panicked holding the lock")
    }
}
