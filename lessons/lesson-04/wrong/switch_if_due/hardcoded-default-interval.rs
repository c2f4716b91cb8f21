// WRONG [hardcoded]: it switches every 5 ms (CPython's default), not at the interval the interpreter was given. => "not a number of your own"
// The reference answer (src/solutions/switch_if_due.rs) with the mistake written in:
// REPLACE
    if thread.held_for() >= thread.switch_interval() && thread.others_waiting() > 0 {
// WITH
    // Deliberately wrong: CPython's default interval, not this interpreter's.
    if thread.held_for() >= crate::DEFAULT_SWITCH_INTERVAL && thread.others_waiting() > 0 {
// END
