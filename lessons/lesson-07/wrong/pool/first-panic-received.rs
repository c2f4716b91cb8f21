// WRONG [first-error]: `map` returns the first panic it receives, not the one with the lowest index. => "the first to arrive"
// The reference answer (src/solutions/pool.rs) with the mistake written in:
// REPLACE
//! Exercise 7.2 `Pool`, the reference answer.
// WITH
//! Exercise 7.2 `Pool`: a wrong answer from the catalogue (its first line says what is wrong).
// END
// REPLACE
        let mut failure: Option<PoolError> = None;
// WITH
        let failure: Option<PoolError> = None;
// END
// REPLACE
                Err(message) => {
                    // Keep the lowest index, not the first received: answers arrive in the
                    // order the workers finish, which is not the order of the items.
                    if failure.as_ref().is_none_or(|f| index < f.index) {
                        failure = Some(PoolError { index, message });
                    }
                }
// WITH
                // Deliberately wrong: the first panic to arrive is reported at once.
                Err(message) => return Err(PoolError { index, message }),
// END
