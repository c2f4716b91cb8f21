// WRONG [busy-wait]: it gives the GIL up every interval even when no thread is waiting for it. => "with nobody waiting"
// The reference answer (src/solutions/switch_if_due.rs) with the mistake written in:
// REPLACE
    if thread.held_for() >= thread.switch_interval() && thread.others_waiting() > 0 {
// WITH
    // Deliberately wrong: no look at `others_waiting()`.
    if thread.held_for() >= thread.switch_interval() {
// END
