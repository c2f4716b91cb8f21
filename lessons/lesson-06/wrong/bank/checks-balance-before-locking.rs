// WRONG [check-then-act]: checks the balance first and locks afterwards, so two transfers can both spend the same money. => "overdraft race"
// The reference answer (src/solutions/bank.rs) with the mistake written in:
// REPLACE
        // of them can each hold one and wait for the other.
// WITH
        // of them can each hold one and wait for the other.
        // Deliberately wrong: the check happens before the locks; it can be stale by then.
        if self.balance(from) < amount {
            return false;
        }
// END
// REPLACE
        if *source < amount {
            return false;
        }
// WITH
// END
