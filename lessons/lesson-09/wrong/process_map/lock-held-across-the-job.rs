// WRONG [lock-held]: the threads share the jobs behind a `Mutex`, but each keeps the guard for its whole loop, so it holds the lock while its worker computes and the other workers wait for it. => "but at most 1 did"
// The reference answer (src/solutions/process_map.rs) with the mistake written in:
// REPLACE
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
// WITH
use std::sync::Mutex;
use std::thread;
// END
// REPLACE
    let next = AtomicUsize::new(0);
// WITH
    let next = Mutex::new(jobs.iter().enumerate());
// END
// REPLACE
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(job) = jobs.get(index) else { break };
// WITH
                    // Deliberately wrong: the guard lives for the whole loop, so the lock is
                    // held while the worker computes.
                    let mut queue = next.lock().expect("no thread panics holding the jobs");
                    loop {
                        let Some((index, job)) = queue.next() else { break };
// END
