// WRONG [result]: takes the money out under one lock and pays it in under the other, so for a moment it is in neither account. => "in neither"
// The reference answer (src/solutions/bank.rs) with the mistake written in:
// REPLACE
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
// WITH
        // Deliberately wrong: never two locks at once, so the money is briefly in neither.
        {
            let mut source = lock(&self.accounts[from]);
            if *source < amount {
                return false;
            }
            *source -= amount;
// END
// REPLACE
        *source -= amount;
        *target += amount;
// WITH
        *lock(&self.accounts[to]) += amount;
// END
