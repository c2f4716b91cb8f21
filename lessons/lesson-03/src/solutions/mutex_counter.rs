//! Lesson 03 reference answers (built with `--features solutions`).
//!
//! Like the exercises, these take their `Mutex` and atomics from `crate::sync` only, so the loom
//! checks can compile this file against loom's versions.

use crate::sync::Mutex;
use crate::sync::atomic::{AtomicU64, Ordering};

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
        *self
            .count
            .lock()
            .expect("no thread panicked holding the lock") += 1;
    }

    /// The count now.
    pub fn get(&self) -> u64 {
        *self
            .count
            .lock()
            .expect("no thread panicked holding the lock")
    }
}

/// Exercise 3.2: a counter that adds with one atomic read-modify-write.
#[derive(Debug, Default)]
pub struct AtomicCounter {
    count: AtomicU64,
}

impl AtomicCounter {
    /// A counter at zero.
    pub fn new() -> Self {
        AtomicCounter {
            count: AtomicU64::new(0),
        }
    }

    /// Adds one with a single `fetch_add`: no other thread can act between its read and its
    /// write. `Relaxed` is enough, as a count orders nothing else; whoever reads the final count
    /// after joining the threads sees every increment, because the join orders them.
    pub fn increment(&self) {
        self.count.fetch_add(1, Ordering::Relaxed);
    }

    /// The count now.
    pub fn get(&self) -> u64 {
        self.count.load(Ordering::Relaxed)
    }
}
