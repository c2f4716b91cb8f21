// WRONG [leak]: dropping the pool closes the channel but does not join the workers, so it returns while they are still running. => "were still running"
// The reference answer (src/solutions/pool.rs) with the mistake written in:
// REPLACE
//! Exercise 7.2 `Pool`, the reference answer.
// WITH
//! Exercise 7.2 `Pool`: a wrong answer from the catalogue (its first line says what is wrong).
// END
// REPLACE
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
// WITH
        // Deliberately wrong: the workers are left to end on their own, not joined.
        self.workers.clear();
// END
