// WRONG [sequential]: the collector starts only after every worker has been joined, so the stages run one after another and the workers block on a full result channel. => "nobody reads yet"
// The reference answer (src/solutions/pipeline.rs) with the mistake written in:
// REPLACE
//! Exercise 5.1 `pipeline`, the reference answer.
// WITH
//! Exercise 5.1 `pipeline`: a wrong answer from the catalogue (its first line says what is wrong).
// END
// REPLACE
        });
        for worker in 1..=workers.max(1) {
// WITH
        });
        let mut handles = Vec::new();
        for worker in 1..=workers.max(1) {
// END
// REPLACE
            scope.spawn(move || {
// WITH
            handles.push(scope.spawn(move || {
// END
// REPLACE
            });
// WITH
            }));
        }
        // Deliberately wrong: wait for every worker before collecting any result.
        for handle in handles {
            handle.join().expect("a worker panicked");
// END
