//! Exercise 4.1: a wait on I/O that lets other Python threads run.

use std::time::Duration;

#[allow(unused_imports)] // you will need it
use crate::PyThread;

/// Exercise 4.1: make a simulated I/O wait release the GIL, as CPython's `time.sleep` and socket
/// reads do, so that other Python threads run (and start their own waits) meanwhile.
///
/// As shipped it sleeps *holding* the GIL: while one thread waits, no other Python thread can
/// run bytecode, and the check's timeline shows it. Hint: give the GIL up before the wait and
/// take it back after it; the caller expects to hold the GIL again when `io_wait` returns.
pub fn io_wait(thread: &mut PyThread, duration: Duration) {
    // TODO: release the GIL before sleeping, and take it back after.
    // Deliberately wrong: the thread sleeps holding the GIL, so no other Python thread can run.
    let _ = &thread;
    std::thread::sleep(duration);
}
