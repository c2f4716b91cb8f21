// WRONG [std-sync]: imports std's AtomicU64 through a nested import group, hiding it from loom. => "import your sync types from crate::sync"
//! Exercise 3.2 `AtomicCounter`, the reference answer (built with `--features solutions`). Like
//! the exercise, it takes the atomics from `crate::sync` only, so the loom check can compile it
//! against loom's versions.

// Deliberately wrong: std's atomics, which loom cannot see.
use std::sync::{atomic::{AtomicU64, Ordering}};

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
