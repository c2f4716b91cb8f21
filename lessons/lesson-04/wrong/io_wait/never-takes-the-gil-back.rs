// WRONG [result]: the GIL is released for the wait and never taken back, so the caller runs bytecode without it. => "returned without the GIL"
//! Exercise 4.1, the reference answer.

use std::time::Duration;

use crate::PyThread;

/// Exercise 4.1: the GIL is free while the thread waits, so other threads run bytecode.
pub fn io_wait(thread: &mut PyThread, duration: Duration) {
    thread.release_gil();
    // No bytecode runs here, so no GIL is needed: only the OS thread waits.
    std::thread::sleep(duration);
    // Deliberately wrong: the GIL is not taken back before returning.
}
