// WRONG [lost-wakeup]: notifies before adding the permit back, so the woken thread finds none and sleeps again. => "lost wakeup"
// The reference answer (src/solutions/semaphore.rs) with the mistake written in:
// REPLACE
    fn drop(&mut self) {
// WITH
    fn drop(&mut self) {
        // Deliberately wrong: the sleeper wakes, finds 0, sleeps again; nobody notifies after.
        self.semaphore.returned.notify_one();
// END
// REPLACE
        // One permit came back, so one sleeper can use it. The count is changed under the lock
        // before notifying, so the woken thread sees it.
        self.semaphore.returned.notify_one();
// WITH
// END
