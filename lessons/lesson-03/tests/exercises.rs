//! Checks for lesson 03's exercises: `cargo test -p lesson-03`.
//!
//! Each counter is checked three ways. Its file must take `Mutex` and the atomics from
//! `crate::sync` (however an import is spelled), or loom could not see them. With std's types,
//! four threads make 100,000 increments each and the count must be exact. With loom's types, two
//! threads increment twice each, and loom runs that through every interleaving of their locks
//! and atomic operations: the count must be 4 in all of them, not only in the ones a lucky run
//! happens to hit. When one loses an update, the message shows it step by step, one column per
//! thread.
//!
//! Loom sees your code because the exercise files are compiled a second time here, as the
//! module `loom_exercises`, where `crate::sync` means the `sync` module below (loom's types,
//! each operation recorded) instead of the lesson's (std's). No feature flag or RUSTFLAGS needed.

use std::panic;
use std::sync::{Barrier, mpsc};
use std::thread;
use std::time::Duration;

use instruments::check::within;
use instruments::interleaving::{Ending, foreign_sync_paths};

/// What `crate::sync` means inside `loom_exercises`: loom's `Mutex` and atomics, recorded.
#[allow(unused_imports)]
mod sync {
    pub use instruments::interleaving::sync::*;
}

// The learner's files (or, for maintainers, the reference answers) against loom's types.
#[cfg(not(feature = "solutions"))]
#[path = "../src/exercises/mod.rs"]
mod loom_exercises;
#[cfg(feature = "solutions")]
#[path = "../src/solutions/mod.rs"]
mod loom_exercises;

/// An exercise: how messages name it, its file, and that file's text (to check its imports).
struct Exercise {
    name: &'static str,
    file: &'static str,
    source: &'static str,
}

macro_rules! exercise {
    ($id:literal, $name:literal, $stem:literal) => {
        Exercise {
            name: concat!(
                "exercise ",
                $id,
                " `",
                $name,
                "` (lessons/lesson-03/src/exercises/",
                $stem,
                ".rs)"
            ),
            file: concat!("lessons/lesson-03/src/exercises/", $stem, ".rs"),
            #[cfg(not(feature = "solutions"))]
            source: include_str!(concat!("../src/exercises/", $stem, ".rs")),
            #[cfg(feature = "solutions")]
            source: include_str!(concat!("../src/solutions/", $stem, ".rs")),
        }
    };
}

const MUTEX: Exercise = exercise!("3.1", "MutexCounter", "mutex_counter");
const ATOMIC: Exercise = exercise!("3.2", "AtomicCounter", "atomic_counter");

/// A hung counter (a lock taken twice by one thread) is judged within this; loom's models take
/// milliseconds.
const LIMIT: Duration = Duration::from_secs(4);

// What every counter offers, and the loom model (shared with tests/racy.rs). `Counter` is
// implemented below for both exercises, in both builds.
mod loom_model;
use loom_model::{Counter, explore};

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
fn expect_exact_count<C: Counter>(exercise: &Exercise) {
    const THREADS: u64 = 4;
    const PER_THREAD: u64 = 100_000;
    let name = exercise.name;
    let counted = within(name, LIMIT, || {
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
        "\n{name}: expected {expected} increments, counted {counted}: more than were made. \
         Does `get` return the count, and does `new` start it at zero?\n"
    );
    assert!(
        counted == expected,
        "\n{name}: expected {expected} increments, counted {counted}: {} updates were lost. \
         Is the read-modify-write done under one lock / one atomic operation?\n",
        expected - counted
    );
}

/// Loom runs two threads that increment twice each through every interleaving; in every one
/// the count must end at 4. A failing one is shown step by step.
fn expect_no_interleaving_loses_an_update<C: Counter>(exercise: &Exercise) {
    let name = exercise.name;
    let Err(failure) = within(name, LIMIT, explore::<C>) else {
        return;
    };
    if failure.steps.is_empty() {
        // Nothing happened before the panic: a `todo!()` or a panic in `new`. Its message is
        // the one to read.
        panic!("\n{name}: {}\n", failure.summary());
    }
    let advice = match &failure.ending {
        Ending::Broken(_) => {
            "Every increment must read, add and write as one step that no other thread can \
             split: hold one lock across the read and the write (`*self.count.lock().unwrap() \
             += 1`), or use one atomic read-modify-write (`fetch_add`). A `load` then a \
             `store`, a lock taken once to read and again to write, or a `compare_exchange` \
             whose failure is ignored leaves a gap another thread can slip into."
        }
        Ending::Deadlock(_) => {
            "A thread waits for a lock it already holds: std's `Mutex` is not re-entrant. Take \
             the lock once per increment, in one expression or one guard."
        }
        Ending::Spin => {
            "A counter never needs to wait for another thread: one `fetch_add`, or one lock."
        }
        Ending::Panic(_) => "Read the panic's message above the steps.",
    };
    panic!(
        "\n{name}: loom found an interleaving that lost an update (after trying {} \
         interleavings of two threads incrementing twice each). Step by step, one column per \
         thread:\n\n{}\n{advice}\n",
        failure.executions,
        failure.render()
    );
}

/// Loom can only see `Mutex`es and atomics that come from `crate::sync` (std's would hide
/// every interleaving from it, and the check would pass by not looking). Any path to another
/// sync type counts, whatever the spelling: `std::sync::Mutex::new` in code, a grouped import,
/// an alias.
fn expect_sync_types_from_crate_sync(exercise: &Exercise) {
    if let Some(first) = foreign_sync_paths(exercise.source).first() {
        panic!(
            "\n{}: line {} of {} reaches a sync type through `{}`, not `crate::sync`:\n    {}\n\
             Import your sync types from crate::sync only (`use crate::sync::Mutex;`, `use \
             crate::sync::atomic::{{AtomicU64, Ordering}};`): the loom check swaps in its own \
             versions there, and cannot see any other.\n",
            exercise.name, first.line, exercise.file, first.found, first.text
        );
    }
}

/// Runs one increment first, so the shipped `todo!()` is what the import check reports. An
/// increment that hangs (a lock taken twice) is not waited for: the other checks name the hang.
fn increment_once<C: Counter>() {
    let (done, finished) = mpsc::channel();
    thread::spawn(move || {
        let _ = done.send(panic::catch_unwind(|| C::new().increment()));
    });
    if let Ok(Err(payload)) = finished.recv_timeout(LIMIT) {
        panic::resume_unwind(payload);
    }
}

#[test]
fn exercise_3_1_mutex_counter_takes_its_sync_types_from_crate_sync() {
    // On an answer, not on the shipped `todo!()`s.
    increment_once::<lesson_03::exercises::MutexCounter>();
    expect_sync_types_from_crate_sync(&MUTEX);
}

#[test]
fn exercise_3_1_mutex_counter_counts_every_increment() {
    expect_exact_count::<lesson_03::exercises::MutexCounter>(&MUTEX);
}

#[test]
fn exercise_3_1_mutex_counter_loses_nothing_in_any_interleaving() {
    expect_no_interleaving_loses_an_update::<loom_exercises::MutexCounter>(&MUTEX);
}

#[test]
fn exercise_3_2_atomic_counter_takes_its_sync_types_from_crate_sync() {
    // On an answer, not on the shipped `todo!()`s.
    increment_once::<lesson_03::exercises::AtomicCounter>();
    expect_sync_types_from_crate_sync(&ATOMIC);
}

#[test]
fn exercise_3_2_atomic_counter_counts_every_increment() {
    expect_exact_count::<lesson_03::exercises::AtomicCounter>(&ATOMIC);
}

#[test]
fn exercise_3_2_atomic_counter_loses_nothing_in_any_interleaving() {
    expect_no_interleaving_loses_an_update::<loom_exercises::AtomicCounter>(&ATOMIC);
}
