// WRONG [result]: `may_crash` is never read, so code that may crash runs in threads of this process. => "Only a process boundary contains a crash"
// The reference answer (src/solutions/choose.rs) with the mistake written in:
// REPLACE
    if workload.may_crash {
        Model::Processes // a panic in a thread can be caught; an abort or a segfault cannot
    } else if computes_more {
// WITH
    // Deliberately wrong: a crash is not the model's business.
    if computes_more {
// END
