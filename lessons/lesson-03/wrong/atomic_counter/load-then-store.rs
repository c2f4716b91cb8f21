// WRONG [check-then-act]: a load and then a store, two atomic operations with a gap between them. => "lost an update"
//! Exercise 3.2 `AtomicCounter`, the reference answer (built with `--features solutions`). Like
//! the exercise, it takes the atomics from `crate::sync` only, so the loom check can compile it
//! against loom's versions.

use crate::sync::atomic::{AtomicU64, Ordering};

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
        // Deliberately wrong: another thread can load the same value before this store.
        let seen = self.count.load(Ordering::SeqCst);
        self.count.store(seen + 1, Ordering::SeqCst);
    }

    /// The count now.
    pub fn get(&self) -> u64 {
        self.count.load(Ordering::Relaxed)
    }
}
