// WRONG [busy-wait]: lets go of the lock and locks again in a loop instead of sleeping on the Condvar. => "busy waiting"
// The reference answer (src/solutions/semaphore.rs) with the mistake written in:
// REPLACE
            free = self
                .returned
                .wait(free)
                .unwrap_or_else(PoisonError::into_inner);
// WITH
            // Deliberately wrong: busy waiting, lock, look, unlock, again and again.
            drop(free);
            std::hint::spin_loop();
            free = self.free();
// END
