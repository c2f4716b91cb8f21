// WRONG [deadlock]: locks `from` then `to`, so opposite transfers each hold one account and wait for the other. => "timed out"
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
// WITH
        // Deliberately wrong: argument order, so 0 -> 1 and 1 -> 0 lock in opposite orders.
        let mut source = lock(&self.accounts[from]);
        let mut target = lock(&self.accounts[to]);
// END
