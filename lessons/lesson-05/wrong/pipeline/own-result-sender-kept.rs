// WRONG [deadlock]: the function keeps its own result sender, so the collector waits for it forever. => "still waiting on the result channel"
// The reference answer (src/solutions/pipeline.rs) with the mistake written in:
// REPLACE
//! Exercise 5.1 `pipeline`, the reference answer.
// WITH
//! Exercise 5.1 `pipeline`: a wrong answer from the catalogue (its first line says what is wrong).
// END
// REPLACE
        drop((job_receiver, result_sender));
// WITH
        // Deliberately wrong: our own result sender stays alive, so the channel never closes.
        drop(job_receiver);
        let _keep = &result_sender;
// END
