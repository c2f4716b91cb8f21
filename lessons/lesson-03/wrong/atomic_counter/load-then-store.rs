// WRONG [check-then-act]: a load and then a store, two atomic operations with a gap between them. => "lost an update"
// The reference answer (src/solutions/atomic_counter.rs) with the mistake written in:
// REPLACE
        self.count.fetch_add(1, Ordering::Relaxed);
// WITH
        // Deliberately wrong: another thread can load the same value before this store.
        let seen = self.count.load(Ordering::SeqCst);
        self.count.store(seen + 1, Ordering::SeqCst);
// END
