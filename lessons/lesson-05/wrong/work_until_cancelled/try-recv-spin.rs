// WRONG [busy-wait]: it waits by polling both channels with `try_recv` in a loop, burning a core while the queue is empty. => "spinning"
// The reference answer (src/solutions/work_until_cancelled.rs) with the mistake written in:
// REPLACE
//! Exercise 5.2 `work_until_cancelled`, the reference answer.
// WITH
//! Exercise 5.2 `work_until_cancelled`: a wrong answer from the catalogue (its first line says what is wrong).
// END
// REPLACE
use crossbeam::channel::{Receiver, Sender, TryRecvError, select};
// WITH
use crossbeam::channel::{Receiver, Sender, TryRecvError};
// END
// REPLACE
        select! {
            recv(cancel) -> _ => return,
            recv(jobs) -> message => {
                let Ok(job) = message else { return }; // no more jobs, ever
                let done = process(&job, worker, recorder);
                // A finished job's result is always delivered, even if cancel came meanwhile.
                if results.send(done).is_err() {
                    return; // nobody is collecting
                }
            }
// WITH
        // Deliberately wrong: polls instead of sleeping until a message comes.
        let job = match jobs.try_recv() {
            Ok(job) => job,
            Err(TryRecvError::Empty) => continue,
            Err(TryRecvError::Disconnected) => return, // no more jobs, ever
        };
        let done = process(&job, worker, recorder);
        // A finished job's result is always delivered, even if cancel came meanwhile.
        if results.send(done).is_err() {
            return; // nobody is collecting
// END
