// WRONG [deadlock]: locks the higher id first, the opposite of the order Bank::total locks in, so a transfer and a count of the money each hold one account and wait for the other. => "holds account 1 and waits for account 0"
// The reference answer (src/solutions/bank.rs) with the mistake written in:
// REPLACE
        let mut first = lock(&self.accounts[low]);
        let mut second = lock(&self.accounts[high]);
// WITH
        // Deliberately wrong: the higher id first, the opposite of `total`'s order.
        let mut second = lock(&self.accounts[high]);
        let mut first = lock(&self.accounts[low]);
// END
