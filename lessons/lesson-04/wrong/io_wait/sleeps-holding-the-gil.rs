// WRONG [lock-held]: the thread sleeps holding the GIL, so no other Python thread runs during the wait. => "kept the GIL while it waited"
//! Exercise 4.1, the reference answer.

use std::time::Duration;

use crate::PyThread;

/// Exercise 4.1: the GIL is free while the thread waits, so other threads run bytecode.
pub fn io_wait(thread: &mut PyThread, duration: Duration) {
    let _ = &thread;
    // Deliberately wrong: the wait happens with the GIL held.
    std::thread::sleep(duration);
}
