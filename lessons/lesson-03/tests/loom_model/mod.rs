//! The loom model both loom checks run (`tests/racy.rs` on the chapter's racy counter,
//! `tests/exercises.rs` on the learner's counters): two threads that increment a counter twice
//! each, through every interleaving loom can make of their locks and atomic operations. The
//! counters are compiled against `instruments::interleaving::sync` (loom's types, every step
//! recorded), so an interleaving that loses an update comes back step by step.

use instruments::interleaving::{self, Explored, Failure, Model};

// ANCHOR: model
/// What every counter offers.
pub trait Counter: Send + Sync + 'static {
    fn new() -> Self;
    fn increment(&self);
    fn get(&self) -> u64;
}

/// Runs two threads that increment one counter twice each through every interleaving. Returns
/// how many interleavings loom tried, or the first one whose count did not end at 4, with its
/// steps.
pub fn explore<C: Counter>() -> Result<Explored, Failure> {
    let model = Model {
        mutexes: "count",
        atomics: "count",
        ..Model::default()
    };
    interleaving::explore(&model, || {
        let counter = loom::sync::Arc::new(C::new());
        let threads: Vec<_> = ["thread 1", "thread 2"]
            .into_iter()
            .map(|name| {
                let counter = counter.clone();
                interleaving::spawn(name, move || {
                    counter.increment();
                    counter.increment();
                })
            })
            .collect();
        for thread in threads {
            thread.join();
        }
        let count = counter.get();
        if count < 4 {
            interleaving::broken(format!(
                "the count ended at {count}, not 4: {} of the 4 updates were lost",
                4 - count
            ));
        }
        if count > 4 {
            interleaving::broken(format!(
                "the count ended at {count}, more than the 4 increments made"
            ));
        }
    })
}
// ANCHOR_END: model
