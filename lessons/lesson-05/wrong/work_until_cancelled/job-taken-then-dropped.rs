// WRONG [result]: it takes a job first and only then looks at the cancel, so a job taken after the cancel is dropped undone. => "is lost"
// The reference answer (src/solutions/work_until_cancelled.rs) with the mistake written in:
// REPLACE
//! Exercise 5.2 `work_until_cancelled`, the reference answer.
// WITH
//! Exercise 5.2 `work_until_cancelled`: a wrong answer from the catalogue (its first line says what is wrong).
// END
// REPLACE
        if !matches!(cancel.try_recv(), Err(TryRecvError::Empty)) {
            return;
        }
// WITH
// END
// REPLACE
                let Ok(job) = message else { return }; // no more jobs, ever
// WITH
                let Ok(job) = message else { return }; // no more jobs, ever
                // Deliberately wrong: the cancel is checked after the job was taken.
                if !matches!(cancel.try_recv(), Err(TryRecvError::Empty)) {
                    return;
                }
// END
