// WRONG [result]: it gives the GIL up at the interval and never takes it back, so the thread runs bytecode without it. => "without holding the GIL"
// The reference answer (src/solutions/switch_if_due.rs) with the mistake written in:
// REPLACE
    if thread.held_for() >= thread.switch_interval() && thread.others_waiting() > 0 {
// WITH
    if thread.held_for() >= thread.switch_interval() && thread.others_waiting() > 0 {
        // Deliberately wrong: released, and not taken back.
// END
// REPLACE
        // A new ticket, behind every waiting thread: they all get a turn before we run again.
        thread.acquire_gil();
// WITH
// END
