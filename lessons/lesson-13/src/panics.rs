//! The lesson provokes panics on purpose; this hook records them instead of letting Rust print
//! each one to the terminal, so the lesson can say what happened in its own words (and count
//! the panics that nobody else saw).

use std::sync::{Mutex, PoisonError};

static RECORDED: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Replaces the default panic hook (which prints `thread '...' panicked at ...`) with one that
/// records the thread's name and the message. Process-wide, like every panic hook.
pub fn record_instead_of_printing() {
    std::panic::set_hook(Box::new(|info| {
        let thread = std::thread::current();
        let name = thread.name().unwrap_or("unnamed").to_owned();
        let message = instruments::check::panic_text(info.payload());
        RECORDED
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(format!("thread '{name}': {message}"));
    }));
}

/// The panics recorded since the last call, oldest first.
pub fn take() -> Vec<String> {
    std::mem::take(&mut *RECORDED.lock().unwrap_or_else(PoisonError::into_inner))
}
