//! Exercise 6.1 `Semaphore`: a counting semaphore from a `Mutex` and a `Condvar`.
//!
//! Take `Mutex`, `Condvar` and friends from `crate::sync` only, never from `std::sync` (however
//! the import is spelled): the loom check compiles this file a second time with `crate::sync`
//! pointing at loom's versions, which is how it tries every interleaving of your waits and
//! wakeups.

#[allow(unused_imports)] // you will need these
use crate::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// Exercise 6.1: a counting semaphore, like Python's `threading.Semaphore(permits)`. std has
/// none; build it from a `Mutex<usize>` (the free permits) and a `Condvar` (where threads sleep
/// until a permit comes back).
///
/// Hint: `acquire` locks `free`, and *while* it is 0 calls `self.returned.wait(guard)`, which
/// releases the lock while asleep and takes it back on waking; then it takes a permit. Giving a
/// permit back (in `Drop for Permit`) adds 1 under the lock and calls `notify_one`.
#[derive(Debug)]
pub struct Semaphore {
    /// How many permits are free right now.
    free: Mutex<usize>,
    /// Signalled each time a permit is returned.
    returned: Condvar,
}

/// A permit from a [`Semaphore`]; dropping it gives the permit back, as leaving a
/// `with semaphore:` block does in Python.
#[derive(Debug)]
pub struct Permit<'a> {
    semaphore: &'a Semaphore,
}

impl Semaphore {
    /// A semaphore with `permits` permits, all free.
    pub fn new(permits: usize) -> Semaphore {
        Semaphore {
            free: Mutex::new(permits),
            returned: Condvar::new(),
        }
    }

    /// Waits until a permit is free and takes it.
    pub fn acquire(&self) -> Permit<'_> {
        // TODO: lock `self.free`; while it is 0, wait on `self.returned` (use `while`, not
        // `if`: a wakeup only means "look again"); then take one permit and return
        // `Permit { semaphore: self }`.
        let _ = (&self.free, &self.returned);
        todo!(
            "exercise 6.1 `Semaphore` (lessons/lesson-06/src/exercises/semaphore.rs): `acquire`: \
             wait on the Condvar while no permit is free, then take one"
        )
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        // TODO: give the permit back: add 1 to `free` under the lock, then wake one waiter
        // with `notify_one`.
        let _ = self.semaphore;
        todo!(
            "exercise 6.1 `Semaphore` (lessons/lesson-06/src/exercises/semaphore.rs): `Drop for \
             Permit`: add the permit back under the lock and notify one waiting thread"
        )
    }
}
