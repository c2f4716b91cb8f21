// WRONG [hardcoded]: it switches every 10 ms, a number of its own, so with a 1 ms interval the waiting thread waits ten times too long. => "and did not switch"
// The reference answer (src/solutions/switch_if_due.rs) with the mistake written in:
// REPLACE
    if thread.held_for() >= thread.switch_interval() && thread.others_waiting() > 0 {
// WITH
    // Deliberately wrong: an interval of its own, not the interpreter's.
    if thread.held_for() >= std::time::Duration::from_millis(10) && thread.others_waiting() > 0 {
// END
