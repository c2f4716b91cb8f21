// WRONG [lock-held]: every transfer also holds one lock for the whole bank, so transfers between different accounts never run at the same time. => "never ran at the same time"
// The reference answer (src/solutions/bank.rs) with the mistake written in:
// REPLACE
    accounts: Vec<Mutex<u64>>,
// WITH
    accounts: Vec<Mutex<u64>>,
    // Deliberately wrong: one lock for the whole bank, held by every transfer.
    whole_bank: Mutex<()>,
// END
// REPLACE
                .collect(),
// WITH
                .collect(),
            whole_bank: Mutex::new(()),
// END
// REPLACE
        // of them can each hold one and wait for the other.
// WITH
        // of them can each hold one and wait for the other.
        // Deliberately wrong: the whole bank is locked for the whole transfer ("to be safe").
        let _whole_bank = self.whole_bank.lock().unwrap_or_else(PoisonError::into_inner);
// END
