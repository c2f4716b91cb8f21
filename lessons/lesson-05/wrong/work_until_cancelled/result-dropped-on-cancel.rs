// WRONG [result]: after finishing a job it checks the cancel before sending, so the job in progress when the cancel came loses its result. => "lost its result"
// The reference answer (src/solutions/work_until_cancelled.rs) with the mistake written in:
// REPLACE
//! Exercise 5.2 `work_until_cancelled`, the reference answer.
// WITH
//! Exercise 5.2 `work_until_cancelled`: a wrong answer from the catalogue (its first line says what is wrong).
// END
// REPLACE
                // A finished job's result is always delivered, even if cancel came meanwhile.
// WITH
                // Deliberately wrong: a cancel that came meanwhile throws the result away.
                if !matches!(cancel.try_recv(), Err(TryRecvError::Empty)) {
                    return;
                }
// END
