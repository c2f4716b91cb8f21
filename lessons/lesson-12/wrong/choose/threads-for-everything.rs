// WRONG [unbounded]: a thread for every item, whatever the workload: no bound on how many. => "100,000 threads at once"
// The reference answer (src/solutions/choose.rs) with the mistake written in:
// REPLACE
    if workload.may_crash {
        Model::Processes // a panic in a thread can be caught; an abort or a segfault cannot
    } else if computes_more {
        Model::Rayon // no GIL: threads share the cores
    } else if mixed {
        Model::TokioRayon // the waits on tasks, the computing on a CPU pool
    } else if workload.items >= 1_000 {
        Model::Tokio // very many waits: a task is a few hundred bytes, a thread a stack
    } else {
        Model::Threads // a few waits: a thread each is simple and as fast
    }
// WITH
    // Deliberately wrong: threads are real in Rust, so a thread for every item, always.
    let _ = (computes_more, mixed);
    Model::Threads
// END
