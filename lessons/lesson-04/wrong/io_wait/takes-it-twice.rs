// WRONG [deadlock]: acquire and release are swapped, so the thread asks for the GIL it already holds. => "asked for the GIL while holding it"
// The reference answer (src/solutions/io_wait.rs) with the mistake written in:
// REPLACE
pub fn io_wait(thread: &mut PyThread, duration: Duration) {
// WITH
pub fn io_wait(thread: &mut PyThread, duration: Duration) {
    // Deliberately wrong: acquired first (the thread already holds it), released after.
    thread.acquire_gil();
    std::thread::sleep(duration);
// END
// REPLACE
    // No bytecode runs here, so no GIL is needed: only the OS thread waits.
    std::thread::sleep(duration);
    // Back in line for the GIL: the caller runs bytecode next.
    thread.acquire_gil();
// WITH
// END
