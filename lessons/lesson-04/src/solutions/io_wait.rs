//! Exercise 4.1, the reference answer.

use std::time::Duration;

use crate::PyThread;

/// Exercise 4.1: the GIL is free while the thread waits, so other threads run bytecode.
pub fn io_wait(thread: &mut PyThread, duration: Duration) {
    thread.release_gil();
    // No bytecode runs here, so no GIL is needed: only the OS thread waits.
    std::thread::sleep(duration);
    // Back in line for the GIL: the caller runs bytecode next.
    thread.acquire_gil();
}
