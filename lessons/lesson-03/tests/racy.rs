//! Facts about the chapter's racy counter (these pass as shipped): loom, trying every
//! interleaving of two threads that increment twice each, finds one that loses an update, and
//! shows it step by step.
//!
//! `src/racy.rs` is compiled here a second time, against loom's atomics (recorded): inside it,
//! `crate::sync` means the `sync` module below. The model itself is in `loom_model/mod.rs`,
//! shared with the exercises' loom checks.

// ANCHOR: loom_racy
/// What `crate::sync` means inside `racy`: loom's types, each operation recorded.
#[allow(unused_imports)]
mod sync {
    pub use instruments::interleaving::sync::*;
}

#[path = "../src/racy.rs"]
mod racy;

mod loom_model;
use loom_model::{Counter, explore};

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
    let failure = explore::<racy::RacyCounter>()
        .expect_err("loom was expected to find an interleaving that loses an update");
    let steps = failure.render();
    println!("after {} interleavings:\n{steps}", failure.executions);
    assert!(steps.contains("updates were lost"), "{steps}");
    // Both threads loaded the same value before either stored: the lost update, step by step.
    assert!(steps.contains("load count = 0"), "{steps}");
}
// ANCHOR_END: loom_racy
