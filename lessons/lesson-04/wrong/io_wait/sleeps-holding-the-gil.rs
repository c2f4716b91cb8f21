// WRONG [lock-held]: the thread sleeps holding the GIL, so no other Python thread runs during the wait. => "kept the GIL while it waited"
// The reference answer (src/solutions/io_wait.rs) with the mistake written in:
// REPLACE
    thread.release_gil();
    // No bytecode runs here, so no GIL is needed: only the OS thread waits.
// WITH
    let _ = &thread;
    // Deliberately wrong: the wait happens with the GIL held.
// END
// REPLACE
    // Back in line for the GIL: the caller runs bytecode next.
    thread.acquire_gil();
// WITH
// END
