// WRONG [hardcoded]: starts with one permit whatever `permits` says. => "gave 1 permit(s)"
// The reference answer (src/solutions/semaphore.rs) with the mistake written in:
// REPLACE
    pub fn new(permits: usize) -> Semaphore {
// WITH
    pub fn new(_permits: usize) -> Semaphore {
// END
// REPLACE
            free: Mutex::new(permits),
// WITH
            // Deliberately wrong: one permit, whatever the caller asked for.
            free: Mutex::new(1),
// END
