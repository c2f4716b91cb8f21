// WRONG [deadlock]: acquire and release are swapped, so the thread asks for the GIL it already holds. => "asked for the GIL while holding it"
//! Exercise 4.1, the reference answer.

use std::time::Duration;

use crate::PyThread;

/// Exercise 4.1: the GIL is free while the thread waits, so other threads run bytecode.
pub fn io_wait(thread: &mut PyThread, duration: Duration) {
    // Deliberately wrong: acquired first (the thread already holds it), released after.
    thread.acquire_gil();
    std::thread::sleep(duration);
    thread.release_gil();
}
