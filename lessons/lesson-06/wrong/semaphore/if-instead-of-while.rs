// WRONG [check-then-act]: waits with `if` instead of `while`, so a woken thread takes a permit another took first. => "instead of `while`"
// The reference answer (src/solutions/semaphore.rs) with the mistake written in:
// REPLACE
        while *free == 0 {
// WITH
        // Deliberately wrong: `if`, so a woken thread does not look again.
        if *free == 0 {
// END
