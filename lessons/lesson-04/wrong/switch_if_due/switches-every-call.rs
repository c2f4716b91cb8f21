// WRONG [busy-wait]: the GIL is given up at every call, whether or not the interval is over. => "before its switch interval"
// The reference answer (src/solutions/switch_if_due.rs) with the mistake written in:
// REPLACE
    if thread.held_for() >= thread.switch_interval() && thread.others_waiting() > 0 {
// WITH
    // Deliberately wrong: no look at the clock; every few bytecodes is a switch.
    if thread.others_waiting() > 0 {
// END
