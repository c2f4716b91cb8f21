// WRONG [result]: the wait is handed to a new thread that nobody joins, so `io_wait` returns before the I/O is done. => "and it returned after"
//! Exercise 4.1, the reference answer.

use std::time::Duration;

use crate::PyThread;

/// Exercise 4.1: the GIL is free while the thread waits, so other threads run bytecode.
pub fn io_wait(thread: &mut PyThread, duration: Duration) {
    thread.release_gil();
    // Deliberately wrong: the wait runs on a thread of its own, and nobody waits for it.
    std::thread::spawn(move || std::thread::sleep(duration));
    // Back in line for the GIL: the caller runs bytecode next.
    thread.acquire_gil();
}
