// WRONG [lock-held]: the GIL is given up and taken straight back before the sleep, so the thread queues for it (which looks like I/O) but still sleeps holding it. => "kept the GIL while it waited"
//! Exercise 4.1, the reference answer.

use std::time::Duration;

use crate::PyThread;

/// Exercise 4.1: the GIL is free while the thread waits, so other threads run bytecode.
pub fn io_wait(thread: &mut PyThread, duration: Duration) {
    // Deliberately wrong: released and taken back *before* the wait; the other threads get a
    // turn while this one queues, then it sleeps holding the GIL.
    thread.release_gil();
    thread.acquire_gil();
    std::thread::sleep(duration);
}
