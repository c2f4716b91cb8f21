//! Lesson 07 exercises: letter frequencies spread over workers, and a pool of your own.
//!
//! Check your answers with `cargo test -p lesson-07`. The checks want the right answers *and*
//! work that really ran on several workers at once (read from recorded spans, not the clock):
//! a sequential answer gets the right numbers and still fails.

use std::collections::HashMap;
use std::fmt;
#[allow(unused_imports)] // you will need some of these
use std::sync::Arc;
use std::thread::JoinHandle;

#[allow(unused_imports)] // you will need these
use crossbeam::channel::{self, Receiver, Sender};
use instruments::Recorder;

/// Exercise 7.1: count the letters of `texts`, case-insensitively, on `workers` workers.
///
/// The rule: every char `c` with `c.is_alphabetic()` counts, as each char of
/// `c.to_lowercase()` (nearly always one char: 'Ä' counts as 'ä', 'Σ' as 'σ'; 'İ' lowercases
/// to two chars, 'i' and a combining dot above, and both are counted). Digits, punctuation and
/// whitespace do not count. Letters of every script count: 'ß', 'é', 'λ', 'ж'.
///
/// Spread the texts over `workers` threads (scoped threads, or a rayon pool of `workers`), and
/// have each worker count its share inside `recorder.record(format!("worker {i}"), "count",
/// || ...)`: that records the share as a span, which is how the check sees the workers count
/// at the same time. With `workers == 1` one worker counts everything; any `workers >= 1` must
/// give the exact counts, also more workers than texts, and no texts at all (an empty map).
///
/// Hint: `texts.chunks(texts.len().div_ceil(workers).max(1))` gives at most `workers` shares.
/// Let each worker fill its own `HashMap` (no lock needed), then merge the maps after the
/// joins: `*total.entry(letter).or_insert(0) += n`.
pub fn frequency(texts: &[&str], workers: usize, recorder: &Recorder) -> HashMap<char, usize> {
    // TODO: inside `std::thread::scope`, spawn a thread per share of the texts; each counts
    // its share into its own map inside `recorder.record(...)`; join them and merge the maps.
    let _ = (texts, workers, recorder);
    todo!(
        "exercise 7.1 `frequency` in lessons/lesson-07/src/exercises.rs: count the lowercased \
         letters of each share of the texts on its own worker (recorded), then merge the counts"
    )
}

/// Exercise 7.2: why a [`Pool::map`] failed: the item whose call panicked, and the panic's
/// message. (Given: nothing to do here.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoolError {
    /// The index, in `items`, of the item whose call panicked (the first one, if several did).
    pub index: usize,
    /// The panic's message (the text given to `panic!`).
    pub message: String,
}

impl fmt::Display for PoolError {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(out, "item {} panicked: {}", self.index, self.message)
    }
}

impl std::error::Error for PoolError {}

/// A job for the pool's workers: a closure to run once, on some worker.
#[allow(dead_code)] // you will use it
type Job = Box<dyn FnOnce() + Send + 'static>;

/// Exercise 7.2: a pool of `workers` threads, started once in [`Pool::new`], that take jobs
/// from one shared crossbeam channel: `ThreadPoolExecutor(max_workers=workers)`, by hand.
///
/// Hint: a crossbeam `Receiver` can be cloned, and each message goes to exactly one of the
/// receivers: give every worker a clone and let it loop `while let Ok(job) = inbox.recv()`.
/// `recv` fails once every `Sender` is dropped, which is how `Drop` can stop the workers.
#[derive(Debug)]
#[allow(dead_code)] // you will use these fields (or change them: they are yours)
pub struct Pool {
    /// Where `map` sends jobs; `None` once the pool is being dropped.
    jobs: Option<Sender<Job>>,
    /// The workers, joined on drop.
    workers: Vec<JoinHandle<()>>,
}

impl Pool {
    /// Starts `workers` threads (at least one), each taking jobs from one shared channel.
    pub fn new(workers: usize) -> Pool {
        // TODO: make a channel of `Job`s, spawn `workers` threads that each run the jobs they
        // receive until the channel closes, and keep the sender and the join handles.
        let _ = workers;
        todo!(
            "exercise 7.2 `Pool::new` in lessons/lesson-07/src/exercises.rs: start the worker \
             threads, each running jobs from a shared crossbeam channel"
        )
    }

    /// Calls `f` on every item on the pool's workers and returns the answers in the order of
    /// `items`; if a call panicked, returns `Err(PoolError)` naming the first such item (by
    /// index) and its panic message, without hanging and without losing a worker.
    ///
    /// Hint: put `f` in an `Arc` to share it between jobs. Each job runs
    /// `std::panic::catch_unwind(AssertUnwindSafe(|| f(item)))` and sends `(index, outcome)`
    /// back on a results channel; `map` receives exactly `items.len()` results and puts each
    /// answer in its slot. A panic caught this way leaves the worker alive for the next job.
    /// Its payload is a `&'static str` or a `String`: `downcast_ref` both.
    pub fn map<T, R, F>(&self, items: Vec<T>, f: F) -> Result<Vec<R>, PoolError>
    where
        T: Send + 'static,
        R: Send + 'static,
        F: Fn(T) -> R + Send + Sync + 'static,
    {
        // TODO: send one job per item, then collect the answers in input order.
        let _ = (items, f);
        todo!(
            "exercise 7.2 `Pool::map` in lessons/lesson-07/src/exercises.rs: send a job per \
             item, catch panics, and collect the answers in input order"
        )
    }
}

// TODO: `impl Drop for Pool`: drop the sender (so every worker's `recv` fails and its loop
// ends), then join every worker.
