// WRONG [blocking-async]: the reports are awaited with `futures::executor::block_on`, which waits on the runtime's thread instead of yielding it. => "runtime's thread"
// The reference answer (src/solutions/analyse_all.rs) with the mistake written in:
// REPLACE
//! Exercise 11.2, the reference answer: the analyses run on rayon's pool; the async task only
//! waits for them.
// WITH
//! Exercise 11.2: the analyses run off the runtime.
// END
// REPLACE
        reports.push(report.await.expect("an analysis panicked"));
// WITH
        // Deliberately wrong: a blocking wait inside async code.
        reports.push(futures::executor::block_on(report).expect("an analysis panicked"));
// END
