// WRONG [lock-held]: it waits for more than one other thread, so with two threads it never switches and one runs its whole job while the other waits. => "one thread ran its whole job while the other waited"
// The reference answer (src/solutions/switch_if_due.rs) with the mistake written in:
// REPLACE
    if thread.held_for() >= thread.switch_interval() && thread.others_waiting() > 0 {
// WITH
    // Deliberately wrong: `> 1`, so a single waiting thread never gets a turn.
    if thread.held_for() >= thread.switch_interval() && thread.others_waiting() > 1 {
// END
