//! Lesson 06 exercises: a semaphore from a lock and a condition variable, and a bank that
//! cannot deadlock.
//!
//! Check your answers with `cargo test -p lesson-06`. The checks run your code on many threads,
//! each inside a time limit: an answer that deadlocks or loses a wakeup fails with a message
//! instead of hanging.

#[allow(unused_imports)] // you will need these
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

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
            "exercise 6.1 `Semaphore::acquire` in lessons/lesson-06/src/exercises.rs: wait on \
             the Condvar while no permit is free, then take one"
        )
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        // TODO: give the permit back: add 1 to `free` under the lock, then wake one waiter
        // with `notify_one`.
        let _ = self.semaphore;
        todo!(
            "exercise 6.1 `Drop for Permit` in lessons/lesson-06/src/exercises.rs: add the \
             permit back under the lock and notify one waiting thread"
        )
    }
}

/// Exercise 6.2: a bank whose accounts each have their own lock, so transfers between
/// different accounts can run at the same time.
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
    /// did. Must never deadlock, whatever other transfers run at the same time.
    ///
    /// Hint: lock both accounts, but always the one with the lower id first, whichever way the
    /// money goes (lesson code: `transfer_lower_id_first`). And think about `from == to`:
    /// locking the same `Mutex` twice on one thread waits for yourself forever.
    pub fn transfer(&self, from: usize, to: usize, amount: u64) -> bool {
        // TODO: lock the lower id first, then the higher; move the money if `from` has enough.
        let _ = (from, to, amount);
        todo!(
            "exercise 6.2 `Bank::transfer` in lessons/lesson-06/src/exercises.rs: lock both \
             accounts in a global order (lower id first) and move the money"
        )
    }
}

/// Locks an account. A balance is updated in whole statements, so a poisoned one is still valid.
fn lock(account: &Mutex<u64>) -> MutexGuard<'_, u64> {
    account.lock().unwrap_or_else(PoisonError::into_inner)
}
