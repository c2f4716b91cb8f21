// WRONG [deadlock]: `Drop` joins the workers before dropping the job sender, so they wait for jobs forever and so does `drop`. => "Dropping the pool did not return"
// The reference answer (src/solutions/pool.rs) with the mistake written in:
// REPLACE
//! Exercise 7.2 `Pool`, the reference answer.
// WITH
//! Exercise 7.2 `Pool`: a wrong answer from the catalogue (its first line says what is wrong).
// END
// REPLACE
        drop(self.jobs.take());
// WITH
        // Deliberately wrong: joined while the sender is still alive, so no `recv` fails.
// END
// REPLACE
            let _ = worker.join();
        }
    }
// WITH
            let _ = worker.join();
        }
        drop(self.jobs.take());
    }
// END
