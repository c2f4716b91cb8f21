// WRONG [cancellation]: only a cancel *message* stops it; every cancel sender dropped (a disconnected channel) is ignored. => "does not take a disconnected cancel channel for a cancel"
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
// WITH
        // Deliberately wrong: only `Ok(())` counts; `Err(Disconnected)` is taken for "go on".
        if cancel.try_recv().is_ok() {
// END
// REPLACE
            recv(cancel) -> _ => return,
// WITH
            recv(cancel) -> message => {
                if message.is_ok() {
                    return;
                }
            }
// END
