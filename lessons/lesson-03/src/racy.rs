//! The deliberately racy counter, in a file of its own so that `tests/racy.rs` can compile it a
//! second time against loom's atomics (its `crate::sync` is then loom's, not std's), and let loom
//! find the interleaving that loses an update.
//!
//! Only `crate::sync` is used here: nothing else from the lesson crate, which the loom test
//! crate does not have.

use crate::sync::atomic::{AtomicU64, Ordering};

// ANCHOR: racy_counter
/// A counter that loses updates: the Rust spelling of Python's `counter += 1` on a global.
///
/// It is an atomic, so every single read and every single write is whole (no torn values, no
/// undefined behaviour: Rust would not compile a plain shared `u64` written from several
/// threads). The bug is in the *gap* between the read and the write.
#[derive(Debug, Default)]
pub struct RacyCounter {
    count: AtomicU64,
}

impl RacyCounter {
    /// A counter at zero.
    pub fn new() -> Self {
        RacyCounter {
            count: AtomicU64::new(0),
        }
    }

    /// Adds one, and returns the value it wrote.
    ///
    /// Deliberately racy: two separate atomic operations, a load and then a store. Another
    /// thread can load the same value between them; both then store `seen + 1`, and one of the
    /// two increments is lost.
    pub fn increment(&self) -> u64 {
        // `Relaxed` is not the bug: `SeqCst` on both lines would lose updates just the same,
        // because no ordering makes two operations into one.
        let seen = self.count.load(Ordering::Relaxed);
        // <- another thread may load the same `seen` here, before this store lands.
        self.count.store(seen + 1, Ordering::Relaxed);
        seen + 1
    }

    /// The count now.
    pub fn get(&self) -> u64 {
        self.count.load(Ordering::Relaxed)
    }
}
// ANCHOR_END: racy_counter
