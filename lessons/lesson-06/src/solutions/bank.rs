//! Lesson 06 reference answers (built with `--features solutions`).

use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

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

/// Exercise 6.2: a bank whose accounts each have their own lock.
#[derive(Debug)]
pub struct Bank {
    accounts: Vec<Mutex<u64>>,
}

impl Bank {
    /// A bank with one account per balance; account ids are the indexes.
    pub fn new(balances: &[u64]) -> Bank {
        Bank {
            accounts: balances
                .iter()
                .map(|&balance| Mutex::new(balance))
                .collect(),
        }
    }

    /// The balance of account `id`.
    pub fn balance(&self, id: usize) -> u64 {
        *lock(&self.accounts[id])
    }

    /// All the money in the bank.
    pub fn total(&self) -> u64 {
        (0..self.accounts.len()).map(|id| self.balance(id)).sum()
    }

    /// Moves `amount` from account `from` to account `to`, if `from` has it; returns whether it
    /// did. Never deadlocks, whatever other transfers run at the same time.
    pub fn transfer(&self, from: usize, to: usize, amount: u64) -> bool {
        if from == to {
            // Locking the same `Mutex` twice on one thread would wait for ourselves forever.
            return self.balance(from) >= amount;
        }
        // A global order: the lower id first, whichever way the money goes. Every transfer
        // between the same two accounts then asks for their locks in the same order, so no two
        // of them can each hold one and wait for the other.
        let (low, high) = (from.min(to), from.max(to));
        let mut first = lock(&self.accounts[low]);
        let mut second = lock(&self.accounts[high]);
        let (source, target) = if from == low {
            (&mut *first, &mut *second)
        } else {
            (&mut *second, &mut *first)
        };
        if *source < amount {
            return false;
        }
        *source -= amount;
        *target += amount;
        true
    }
}

/// Locks an account. A balance is updated in whole statements, so a poisoned one is still valid.
fn lock(account: &Mutex<u64>) -> MutexGuard<'_, u64> {
    account.lock().unwrap_or_else(PoisonError::into_inner)
}
