// WRONG [result]: the wait is handed to a new thread that nobody joins, so `io_wait` returns before the I/O is done. => "and it returned after"
// The reference answer (src/solutions/io_wait.rs) with the mistake written in:
// REPLACE
    // No bytecode runs here, so no GIL is needed: only the OS thread waits.
    std::thread::sleep(duration);
// WITH
    // Deliberately wrong: the wait runs on a thread of its own, and nobody waits for it.
    std::thread::spawn(move || std::thread::sleep(duration));
// END
