// WRONG [deadlock]: forgets `from == to`, so a transfer to the same account locks it twice and waits for itself. => "which it holds itself"
// The reference answer (src/solutions/bank.rs) with the mistake written in:
// REPLACE
        if from == to {
            // Locking the same `Mutex` twice on one thread would wait for ourselves forever.
            return self.balance(from) >= amount;
        }
// WITH
        // Deliberately wrong: no special case for `from == to`.
// END
