// WRONG [result]: only `&str` panic payloads are read, so a `panic!` with `{}` arguments (a String) loses its message. => "carries a String"
// The reference answer (src/solutions/run_jobs.rs) with the mistake written in:
// REPLACE
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
// WITH
    } else {
        // Deliberately wrong: `panic!("batch {} burnt", 4)` carries a String, not a &str.
// END
