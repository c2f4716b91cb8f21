// WRONG [result]: uses try_lock and skips the increment when another thread holds the lock. => "were lost"
// The reference answer (src/solutions/mutex_counter.rs) with the mistake written in:
// REPLACE
        *self
            .count
            .lock()
            .expect("no thread panicked holding the lock") += 1;
// WITH
        // Deliberately wrong: when the lock is busy, the increment is dropped.
        if let Ok(mut count) = self.count.try_lock() {
            *count += 1;
        }
// END
