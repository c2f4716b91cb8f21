//! Facts about the chapter's racy counter (these pass as shipped): loom, trying every
//! interleaving of two threads that increment twice each, finds runs that lose updates.
//!
//! `src/racy.rs` is compiled here a second time, against loom's atomics: inside it,
//! `crate::sync` means the `sync` module below.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};

// ANCHOR: loom_racy
/// What `crate::sync` means inside `racy`: the lesson's `sync` module, with loom's types.
#[allow(unused_imports)]
mod sync {
    pub use loom::sync::{Arc, Mutex, atomic};
}

#[path = "../src/racy.rs"]
mod racy;

#[test]
fn loom_finds_an_interleaving_where_the_racy_counter_loses_an_update() {
    // Recorded with std atomics, outside the model: loom neither sees nor schedules them.
    let lost_one = Arc::new(AtomicBool::new(false));
    let lowest = Arc::new(AtomicU64::new(u64::MAX));
    let interleavings = Arc::new(AtomicUsize::new(0));
    let (lost, low, tried) = (lost_one.clone(), lowest.clone(), interleavings.clone());
    loom::model(move || {
        let counter = loom::sync::Arc::new(racy::RacyCounter::new());
        let threads: Vec<_> = (0..2)
            .map(|_| {
                let counter = counter.clone();
                loom::thread::spawn(move || {
                    counter.increment();
                    counter.increment();
                })
            })
            .collect();
        for thread in threads {
            thread.join().expect("a loom thread panicked");
        }
        let count = counter.get();
        if count < 4 {
            lost.store(true, Ordering::Relaxed);
        }
        low.fetch_min(count, Ordering::Relaxed);
        tried.fetch_add(1, Ordering::Relaxed);
    });
    let (tried, lowest) = (
        interleavings.load(Ordering::Relaxed),
        lowest.load(Ordering::Relaxed),
    );
    println!("loom tried {tried} interleavings; the lowest final count was {lowest}, not 4");
    assert!(
        lost_one.load(Ordering::Relaxed),
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
