// WRONG [cancellation]: no look at the cancel before each job, so `select!` picks a queued job at random even after the cancel. => "started jobs in"
// The reference answer (src/solutions/work_until_cancelled.rs) with the mistake written in:
// REPLACE
//! Exercise 5.2 `work_until_cancelled`, the reference answer.
// WITH
//! Exercise 5.2 `work_until_cancelled`: a wrong answer from the catalogue (its first line says what is wrong).
// END
// REPLACE
use crossbeam::channel::{Receiver, Sender, TryRecvError, select};
// WITH
use crossbeam::channel::{Receiver, Sender, select};
// END
// REPLACE
        if !matches!(cancel.try_recv(), Err(TryRecvError::Empty)) {
            return;
        }
// WITH
        // Deliberately wrong: no check of its own; `select!` alone decides, at random.
// END
