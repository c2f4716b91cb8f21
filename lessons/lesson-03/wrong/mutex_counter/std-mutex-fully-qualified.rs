// WRONG [std-sync]: spells std::sync::Mutex out in the field and in new, with no import at all. => "import your sync types from crate::sync"
//! Exercise 3.1 `MutexCounter`, the reference answer (built with `--features solutions`). Like
//! the exercise, it takes `Mutex` from `crate::sync` only, so the loom check can compile it
//! against loom's version.

/// Exercise 3.1: a counter whose count lives inside a `Mutex`.
#[derive(Debug, Default)]
pub struct MutexCounter {
    // Deliberately wrong: std's Mutex, which loom cannot see.
    count: std::sync::Mutex<u64>,
}

impl MutexCounter {
    /// A counter at zero.
    pub fn new() -> Self {
        MutexCounter {
            count: std::sync::Mutex::new(0),
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
