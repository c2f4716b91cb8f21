// WRONG [blocking-async]: a mixed workload runs entirely in tokio tasks, its computing on the runtime's threads. => "while the runtime computes"
// The reference answer (src/solutions/choose.rs) with the mistake written in:
// REPLACE
        Model::TokioRayon // the waits on tasks, the computing on a CPU pool
// WITH
        Model::Tokio // Deliberately wrong: the computing stays in the tasks
// END
