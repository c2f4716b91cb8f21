// WRONG [blocking-async]: CPU-bound work runs in tokio tasks, as if async made everything concurrent. => "holds one of the runtime's threads"
// The reference answer (src/solutions/choose.rs) with the mistake written in:
// REPLACE
        Model::Rayon // no GIL: threads share the cores
// WITH
        Model::Tokio // Deliberately wrong: tasks for CPU work too
// END
