// WRONG [result]: the GIL is released for the wait and never taken back, so the caller runs bytecode without it. => "returned without the GIL"
// The reference answer (src/solutions/io_wait.rs) with the mistake written in:
// REPLACE
    // Back in line for the GIL: the caller runs bytecode next.
    thread.acquire_gil();
// WITH
    // Deliberately wrong: the GIL is not taken back before returning.
// END
