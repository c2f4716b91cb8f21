// WRONG [check-then-act]: reads the count under one lock and writes it under another, so two threads can read the same value. => "lost an update"
// The reference answer (src/solutions/mutex_counter.rs) with the mistake written in:
// REPLACE
        *self
            .count
            .lock()
            .expect("no thread panicked holding the lock") += 1;
// WITH
        // Deliberately wrong: two lock scopes; another thread can lock in between.
        let seen = *self.count.lock().expect("no thread panicked holding the lock");
        *self.count.lock().expect("no thread panicked holding the lock") = seen + 1;
// END
