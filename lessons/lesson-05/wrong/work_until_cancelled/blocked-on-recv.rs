// WRONG [cancellation]: it checks the cancel before each job but then blocks in `jobs.recv()`, where a cancel on an empty queue is never seen. => "cannot see the cancel while blocked"
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
        // Deliberately wrong: waits for a job only, deaf to the cancel while the queue is empty.
        let Ok(job) = jobs.recv() else { return }; // no more jobs, ever
        let done = process(&job, worker, recorder);
        // A finished job's result is always delivered, even if cancel came meanwhile.
        if results.send(done).is_err() {
            return; // nobody is collecting
// END
