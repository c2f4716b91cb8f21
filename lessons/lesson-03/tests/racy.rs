//! Facts about the chapter's racy counter (these pass as shipped): loom, trying every
//! interleaving of two threads that increment twice each, finds runs that lose updates.
//!
//! `src/racy.rs` is compiled here a second time, against loom's atomics: inside it,
//! `crate::sync` means the `sync` module below. The model itself is in `loom_model/mod.rs`,
//! shared with the exercises' loom checks.

// ANCHOR: loom_racy
/// What `crate::sync` means inside `racy`: the lesson's `sync` module, with loom's types.
#[allow(unused_imports)]
mod sync {
    pub use loom::sync::{Arc, Mutex, atomic};
}

#[path = "../src/racy.rs"]
mod racy;

mod loom_model;
use loom_model::{Counter, Explored, explore};

impl Counter for racy::RacyCounter {
    fn new() -> Self {
        racy::RacyCounter::new()
    }
    fn increment(&self) {
        racy::RacyCounter::increment(self);
    }
    fn get(&self) -> u64 {
        racy::RacyCounter::get(self)
    }
}

#[test]
fn loom_finds_an_interleaving_where_the_racy_counter_loses_an_update() {
    let Explored {
        lowest,
        highest,
        tried,
    } = explore::<racy::RacyCounter>();
    println!("loom tried {tried} interleavings; final counts ranged from {lowest} to {highest}");
    assert!(
        lowest < 4,
        "loom tried {tried} interleavings and every one counted 4: the racy counter was \
         expected to lose an update in at least one"
    );
    // The last store of a run is some thread's second store, and that thread's second load came
    // after its own first store, so it wrote at least 2: the count can fall to 2, never lower.
    assert_eq!(
        lowest, 2,
        "the worst interleaving loses two of the four updates"
    );
}
// ANCHOR_END: loom_racy
