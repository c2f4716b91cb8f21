// WRONG [order]: `map` returns the answers in the order they arrive, not the order of the items. => "not the order they finish"
// The reference answer (src/solutions/pool.rs) with the mistake written in:
// REPLACE
//! Exercise 7.2 `Pool`, the reference answer.
// WITH
//! Exercise 7.2 `Pool`: a wrong answer from the catalogue (its first line says what is wrong).
// END
// REPLACE
                Ok(answer) => slots[index] = Some(answer),
// WITH
                // Deliberately wrong: the next free slot, i.e. the order of arrival.
                Ok(answer) => {
                    let _ = index;
                    let next = slots.iter().position(Option::is_none).unwrap_or(0);
                    slots[next] = Some(answer);
                }
// END
