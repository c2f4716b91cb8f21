// WRONG [lost-wakeup]: gives the permit back but never notifies, so a sleeping acquire never wakes. => "lost wakeup"
// The reference answer (src/solutions/semaphore.rs) with the mistake written in:
// REPLACE
    fn drop(&mut self) {
// WITH
    fn drop(&mut self) {
        // Deliberately wrong: the permit comes back, but nobody wakes a sleeping acquire.
// END
// REPLACE
        // One permit came back, so one sleeper can use it. The count is changed under the lock
        // before notifying, so the woken thread sees it.
        self.semaphore.returned.notify_one();
// WITH
// END
