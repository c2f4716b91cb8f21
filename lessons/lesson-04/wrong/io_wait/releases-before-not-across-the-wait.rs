// WRONG [lock-held]: the GIL is given up and taken straight back before the sleep, so the thread queues for it (which looks like I/O) but still sleeps holding it. => "kept the GIL while it waited"
// The reference answer (src/solutions/io_wait.rs) with the mistake written in:
// REPLACE
pub fn io_wait(thread: &mut PyThread, duration: Duration) {
// WITH
pub fn io_wait(thread: &mut PyThread, duration: Duration) {
    // Deliberately wrong: released and taken back *before* the wait; the other threads get a
    // turn while this one queues, then it sleeps holding the GIL.
// END
// REPLACE
    // No bytecode runs here, so no GIL is needed: only the OS thread waits.
// WITH
    thread.acquire_gil();
// END
// REPLACE
    // Back in line for the GIL: the caller runs bytecode next.
    thread.acquire_gil();
// WITH
// END
