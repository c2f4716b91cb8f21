// WRONG [busy-wait]: it keeps its own deadline and never moves it on after a switch, so after the first interval it switches at every call. => "before its switch interval"
// The reference answer (src/solutions/switch_if_due.rs) with the mistake written in:
// REPLACE
    if thread.held_for() >= thread.switch_interval() && thread.others_waiting() > 0 {
// WITH
    thread_local! {
        static DEADLINE: std::cell::Cell<Option<std::time::Duration>> =
            const { std::cell::Cell::new(None) };
    }
    let now = thread.recorder().now();
    let deadline =
        DEADLINE.with(|deadline| *deadline.get().get_or_insert(now + thread.switch_interval()));
    // Deliberately wrong: the deadline is set once and never moved on after a switch.
    DEADLINE.with(|cell| cell.set(Some(deadline)));
    if now >= deadline && thread.others_waiting() > 0 {
// END
