// WRONG [batches]: each worker is given every `workers`-th job up front (`jobs[i::workers]`): a worker whose share is quick idles while another still has its share to do. => "started only after job 0 had ended"
// The reference answer (src/solutions/process_map.rs) with the mistake written in:
// REPLACE
//! Exercise 9.1, the reference answer: a pool of `workers` processes, each fed jobs one at a
//! time by a thread of its own, answers put back in the order of the jobs.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
// WITH
//! Exercise 9.1: a wrong answer from the catalogue (its first line says what is wrong).
//! A pool of `workers` processes, each given its share of the jobs up front.

use std::thread;
// END
// REPLACE
    let next = AtomicUsize::new(0);
// WITH
// END
// REPLACE
            .map(|_| {
                scope.spawn(|| {
// WITH
            .map(|first| {
                // Deliberately wrong: thread `first` gets jobs first, first + w, ... up front.
                let stride = workers.min(jobs.len());
                scope.spawn(move || {
// END
// REPLACE
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(job) = jobs.get(index) else { break };
// WITH
                    for index in (first..jobs.len()).step_by(stride) {
                        let job = &jobs[index];
// END
