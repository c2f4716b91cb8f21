// WRONG [lock-held]: every transfer also holds one lock for the whole bank, so transfers between different accounts never run at the same time. => "never ran at the same time"
//! Exercise 6.2 `Bank`, the reference answer (built with `--features solutions`).

use crate::sync::{Mutex, MutexGuard, PoisonError};

/// Exercise 6.2: a bank whose accounts each have their own lock.
#[derive(Debug)]
pub struct Bank {
    accounts: Vec<Mutex<u64>>,
    // Deliberately wrong: one lock for the whole bank, held by every transfer.
    whole_bank: Mutex<()>,
}

impl Bank {
    /// A bank with one account per balance; account ids are the indexes.
    pub fn new(balances: &[u64]) -> Bank {
        Bank {
            accounts: balances
                .iter()
                .map(|&balance| Mutex::new(balance))
                .collect(),
            whole_bank: Mutex::new(()),
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
    /// did. Never deadlocks, whatever other transfers run at the same time.
    pub fn transfer(&self, from: usize, to: usize, amount: u64) -> bool {
        if from == to {
            // Locking the same `Mutex` twice on one thread would wait for ourselves forever.
            return self.balance(from) >= amount;
        }
        // A global order: the lower id first, whichever way the money goes. Every transfer
        // between the same two accounts then asks for their locks in the same order, so no two
        // of them can each hold one and wait for the other.
        // Deliberately wrong: the whole bank is locked for the whole transfer ("to be safe").
        let _whole_bank = self.whole_bank.lock().unwrap_or_else(PoisonError::into_inner);
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
