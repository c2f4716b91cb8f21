//! Exercise 6.1 `Semaphore`, the reference answer (built with `--features solutions`).

use crate::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// Exercise 6.1: a counting semaphore, from a `Mutex` (the free permits) and a `Condvar` (where
/// threads sleep until a permit is returned).
#[derive(Debug)]
pub struct Semaphore {
    /// How many permits are free right now.
    free: Mutex<usize>,
    /// Signalled each time a permit is returned.
    returned: Condvar,
}

/// A permit from a [`Semaphore`]; dropping it gives the permit back.
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

    fn free(&self) -> MutexGuard<'_, usize> {
        // The count is changed by one statement under the lock, never left half-updated, so a
        // panic elsewhere cannot spoil it: use it even if the lock was poisoned.
        self.free.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits until a permit is free and takes it.
    pub fn acquire(&self) -> Permit<'_> {
        let mut free = self.free();
        // `while`, not `if`: a wakeup only says "look again". Another thread may have taken the
        // permit first, and condition variables may also wake a thread for no reason at all.
        while *free == 0 {
            // Releases the lock while asleep and takes it again before returning, so a permit
            // returned between our check and our sleep cannot be missed.
            free = self
                .returned
                .wait(free)
                .unwrap_or_else(PoisonError::into_inner);
        }
        *free -= 1;
        Permit { semaphore: self }
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        *self.semaphore.free() += 1;
        // One permit came back, so one sleeper can use it. The count is changed under the lock
        // before notifying, so the woken thread sees it.
        self.semaphore.returned.notify_one();
    }
}
