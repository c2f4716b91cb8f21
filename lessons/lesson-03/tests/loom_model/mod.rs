//! The loom model both loom checks run (`tests/racy.rs` on the chapter's racy counter,
//! `tests/exercises.rs` on the learner's counters): two threads that increment a counter twice
//! each, through every interleaving loom can make of their locks and atomic operations.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

// ANCHOR: model
/// What every counter offers.
pub trait Counter: Send + Sync + 'static {
    fn new() -> Self;
    fn increment(&self);
    fn get(&self) -> u64;
}

/// What loom saw across every interleaving: the lowest and highest final counts (4 increments
/// were made) and how many interleavings it tried.
#[derive(Debug, Clone, Copy)]
pub struct Explored {
    pub lowest: u64,
    pub highest: u64,
    pub tried: usize,
}

pub fn explore<C: Counter>() -> Explored {
    // Recorded with std atomics, outside the model: loom neither sees nor schedules them, and
    // the checks judge them after loom has finished, so a message can say what the worst
    // interleaving did.
    let lowest = Arc::new(AtomicU64::new(u64::MAX));
    let highest = Arc::new(AtomicU64::new(0));
    let interleavings = Arc::new(AtomicUsize::new(0));
    let (low, high, tried) = (lowest.clone(), highest.clone(), interleavings.clone());
    loom::model(move || {
        let counter = loom::sync::Arc::new(C::new());
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
        low.fetch_min(count, Ordering::Relaxed);
        high.fetch_max(count, Ordering::Relaxed);
        tried.fetch_add(1, Ordering::Relaxed);
    });
    Explored {
        lowest: lowest.load(Ordering::Relaxed),
        highest: highest.load(Ordering::Relaxed),
        tried: interleavings.load(Ordering::Relaxed),
    }
}
// ANCHOR_END: model
