//! Checks for lesson 03's exercises: `cargo test -p lesson-03`.
//!
//! Each counter is checked two ways. With std's types, four threads make 100,000 increments
//! each and the count must be exact. With loom's types, two threads increment twice each, and
//! loom runs that through every interleaving of their locks and atomic operations: the count
//! must be 4 in all of them, not only in the ones a lucky run happens to hit.
//!
//! Loom sees your code because the exercise file is compiled a second time here, as the module
//! `loom_exercises`, where `crate::sync` means the `sync` module below (loom's types) instead of
//! the lesson's (std's). No feature flag or RUSTFLAGS needed.

use std::sync::Barrier;
use std::thread;
use std::time::Duration;

use instruments::check::within;

/// What `crate::sync` means inside `loom_exercises`: loom's `Mutex` and atomics. It offers
/// everything the lesson's own `sync` module does, whether or not the exercises use it.
#[allow(unused_imports)]
mod sync {
    pub use loom::sync::{Arc, Mutex, atomic};
}

// The learner's file (or, for maintainers, the reference answers) against loom's types.
#[cfg(not(feature = "solutions"))]
#[path = "../src/exercises.rs"]
mod loom_exercises;
#[cfg(feature = "solutions")]
#[path = "../src/solutions.rs"]
mod loom_exercises;

/// The same file's text, to check that it takes its sync types from `crate::sync`.
#[cfg(not(feature = "solutions"))]
const SOURCE: &str = include_str!("../src/exercises.rs");
#[cfg(feature = "solutions")]
const SOURCE: &str = include_str!("../src/solutions.rs");

const MUTEX: &str = "exercise 3.1 `MutexCounter` (lessons/lesson-03/src/exercises.rs)";
const ATOMIC: &str = "exercise 3.2 `AtomicCounter` (lessons/lesson-03/src/exercises.rs)";

// What every counter offers, and the loom model (shared with tests/racy.rs). `Counter` is
// implemented below for both exercises, in both builds.
mod loom_model;
use loom_model::{Counter, Explored, explore};

// A counter that is not `Send + Sync` fails to compile here: threads could not share it.
macro_rules! counter {
    ($($counter:ty),*) => {$(
        impl Counter for $counter {
            fn new() -> Self {
                <$counter>::new()
            }
            fn increment(&self) {
                <$counter>::increment(self);
            }
            fn get(&self) -> u64 {
                <$counter>::get(self)
            }
        }
    )*};
}
counter!(
    lesson_03::exercises::MutexCounter,
    lesson_03::exercises::AtomicCounter,
    loom_exercises::MutexCounter,
    loom_exercises::AtomicCounter
);

/// Four threads, 100,000 increments each, started together; the count must be exactly 400,000.
fn expect_exact_count<C: Counter>(exercise: &'static str) {
    const THREADS: u64 = 4;
    const PER_THREAD: u64 = 100_000;
    let counted = within(exercise, Duration::from_secs(60), || {
        let counter = C::new();
        let starting_line = Barrier::new(THREADS as usize);
        thread::scope(|scope| {
            for _ in 0..THREADS {
                scope.spawn(|| {
                    starting_line.wait();
                    for _ in 0..PER_THREAD {
                        counter.increment();
                    }
                });
            }
        });
        counter.get()
    });
    let expected = THREADS * PER_THREAD;
    assert!(
        counted <= expected,
        "\n{exercise}: expected {expected} increments, counted {counted}: more than were made. \
         Does `get` return the count, and does `new` start it at zero?\n"
    );
    assert!(
        counted == expected,
        "\n{exercise}: expected {expected} increments, counted {counted}: {} updates were lost. \
         Is the read-modify-write done under one lock / one atomic operation?\n",
        expected - counted
    );
}

/// Loom runs two threads that increment twice each through every interleaving; in every one
/// the count must end at 4.
fn expect_no_interleaving_loses_an_update<C: Counter>(exercise: &'static str) {
    expect_sync_types_from_crate_sync(exercise);
    let Explored {
        lowest,
        highest,
        tried,
    } = within(exercise, Duration::from_secs(60), explore::<C>);
    assert!(
        lowest >= 4,
        "\n{exercise}: loom tried {tried} interleavings of two threads incrementing twice each, \
         and found one where two increments read the same value: the count ended at {lowest}, \
         not 4. Is the read-modify-write done under one lock / one atomic operation? A `load` \
         followed by a `store`, or a lock taken once to read and again to write, leaves a gap \
         another thread can slip into.\n"
    );
    assert!(
        highest <= 4,
        "\n{exercise}: loom found an interleaving where the count ended at {highest}, not 4: \
         more than the 4 increments made. Does `get` return the count, unchanged?\n"
    );
}

/// Loom can only see `Mutex`es and atomics that come from `crate::sync` (std's would hide
/// every interleaving from it, and the check would pass by not looking).
fn expect_sync_types_from_crate_sync(exercise: &str) {
    for (index, line) in SOURCE.lines().enumerate() {
        let code = line.split("//").next().unwrap_or_default();
        for direct in ["std::sync", "core::sync", "parking_lot"] {
            assert!(
                !code.contains(direct),
                "\n{exercise}: line {} of lessons/lesson-03/src/exercises.rs takes a sync type \
                 from `{direct}` directly:\n    {}\nTake `Mutex` and the atomics from \
                 `crate::sync` instead (`use crate::sync::{{Mutex, atomic::{{AtomicU64, \
                 Ordering}}}};`): the loom check swaps in its own versions there, and cannot see \
                 the others.\n",
                index + 1,
                line.trim()
            );
        }
    }
}

#[test]
fn exercise_3_1_mutex_counter_counts_every_increment() {
    expect_exact_count::<lesson_03::exercises::MutexCounter>(MUTEX);
}

#[test]
fn exercise_3_1_mutex_counter_loses_nothing_in_any_interleaving() {
    expect_no_interleaving_loses_an_update::<loom_exercises::MutexCounter>(MUTEX);
}

#[test]
fn exercise_3_2_atomic_counter_counts_every_increment() {
    expect_exact_count::<lesson_03::exercises::AtomicCounter>(ATOMIC);
}

#[test]
fn exercise_3_2_atomic_counter_loses_nothing_in_any_interleaving() {
    expect_no_interleaving_loses_an_update::<loom_exercises::AtomicCounter>(ATOMIC);
}
