// WRONG [deadlock]: keeps the guard it read through and locks again to write, waiting for itself. => "held by itself"
// The reference answer (src/solutions/mutex_counter.rs) with the mistake written in:
// REPLACE
        *self
            .count
            .lock()
            .expect("no thread panicked holding the lock") += 1;
// WITH
        // Deliberately wrong: `seen` still holds the lock when the second `lock()` asks for it.
        let seen = self.count.lock().expect("no thread panicked holding the lock");
        *self.count.lock().expect("no thread panicked holding the lock") = *seen + 1;
// END
