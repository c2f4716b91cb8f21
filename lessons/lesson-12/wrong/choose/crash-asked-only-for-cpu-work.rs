// WRONG [order]: the Python tree's order: "CPU-bound? then processes if it may crash", so a crash is contained only for computing; downloads whose parsing may crash share one process. => "whose code may crash, you chose"
// The reference answer (src/solutions/choose.rs) with the mistake written in:
// REPLACE
    if workload.may_crash {
        Model::Processes // a panic in a thread can be caught; an abort or a segfault cannot
    } else if computes_more {
        Model::Rayon // no GIL: threads share the cores
    } else if mixed {
// WITH
    if computes_more {
        if workload.may_crash {
            Model::Processes
        } else {
            Model::Rayon
        }
    } else if mixed {
// END
