// WRONG [check-then-act]: a compare_exchange whose failure is ignored instead of retried. => "lost an update"
// The reference answer (src/solutions/atomic_counter.rs) with the mistake written in:
// REPLACE
        self.count.fetch_add(1, Ordering::Relaxed);
// WITH
        let seen = self.count.load(Ordering::Relaxed);
        // Deliberately wrong: if another thread changed the count since the load, this fails
        // and the increment is simply dropped.
        let _ = self
            .count
            .compare_exchange(seen, seen + 1, Ordering::Relaxed, Ordering::Relaxed);
// END
