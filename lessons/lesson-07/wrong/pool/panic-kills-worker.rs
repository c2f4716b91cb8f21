// WRONG [result]: after reporting a panic the job raises it again, so the worker thread dies and the pool shrinks with every panic. => "the pool shrank"
// The reference answer (src/solutions/pool.rs) with the mistake written in:
// REPLACE
//! Exercise 7.2 `Pool`, the reference answer.
// WITH
//! Exercise 7.2 `Pool`: a wrong answer from the catalogue (its first line says what is wrong).
// END
// REPLACE
                let _ = results.send((index, outcome.map_err(|p| panic_message(&*p))));
// WITH
                match outcome {
                    Ok(answer) => {
                        let _ = results.send((index, Ok(answer)));
                    }
                    Err(payload) => {
                        let _ = results.send((index, Err(panic_message(&*payload))));
                        // Deliberately wrong: re-raised "so the panic is not swallowed"; it
                        // unwinds out of the worker's loop and the thread ends.
                        panic::resume_unwind(payload);
                    }
                }
// END
