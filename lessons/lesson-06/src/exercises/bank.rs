//! Exercise 6.2 `Bank`: transfers between accounts that each have their own lock, which can
//! never deadlock and never show the money half-moved.
//!
//! Take `Mutex` and friends from `crate::sync` only, never from `std::sync` (however the import
//! is spelled): the loom check compiles this file a second time with `crate::sync` pointing at
//! loom's versions, which is how it tries every interleaving of your transfers.

use crate::sync::{Mutex, MutexGuard, PoisonError};

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

    /// All the money in the bank, counted while every account is locked (in id order, as
    /// transfers lock them), so a transfer is seen either not started or finished, never half
    /// done. The checks call it while your transfers run: the total must never change.
    pub fn total(&self) -> u64 {
        let all: Vec<MutexGuard<'_, u64>> = self.accounts.iter().map(lock).collect();
        all.iter().map(|balance| **balance).sum()
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
            "exercise 6.2 `Bank` (lessons/lesson-06/src/exercises/bank.rs): `transfer`: lock \
             both accounts in a global order (lower id first) and move the money"
        )
    }
}

/// Locks an account. A balance is updated in whole statements, so a poisoned one is still valid.
fn lock(account: &Mutex<u64>) -> MutexGuard<'_, u64> {
    account.lock().unwrap_or_else(PoisonError::into_inner)
}
