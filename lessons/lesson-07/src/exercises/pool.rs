//! Exercise 7.2 `Pool`: a thread pool of your own, `ThreadPoolExecutor` by hand.

use std::fmt;
#[allow(unused_imports)] // you will need some of these
use std::panic::{self, AssertUnwindSafe};
#[allow(unused_imports)] // you will need this
use std::sync::Arc;
use std::thread::JoinHandle;

#[allow(unused_imports)] // you will need these
use crossbeam::channel::{self, Receiver, Sender};

/// Exercise 7.2: why a [`Pool::map`] failed: the item whose call panicked, and the panic's
/// message. (Given: nothing to do here.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoolError {
    /// The index, in `items`, of the item whose call panicked (the lowest one, if several did).
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
/// - Exactly `workers` threads run jobs: all of them at once when there is enough work, never
///   more, and the same threads for every call of `map` (no thread per job).
/// - A panicking job must not kill its worker: the pool keeps all its workers.
/// - Dropping the pool stops its threads *and waits for them* (joins them) before it returns.
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
            "exercise 7.2 `Pool` (lessons/lesson-07/src/exercises/pool.rs): in `Pool::new`, start \
             the worker threads, each running jobs from a shared crossbeam channel"
        )
    }

    /// Calls `f` on every item on the pool's workers and returns the answers in the order of
    /// `items`; if calls panicked, returns `Err(PoolError)` naming the one with the *lowest
    /// index* (not the first to be received) and its panic message, without hanging and without
    /// losing a worker.
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
            "exercise 7.2 `Pool` (lessons/lesson-07/src/exercises/pool.rs): in `Pool::map`, send \
             a job per item, catch panics, and collect the answers in input order"
        )
    }
}

// TODO: `impl Drop for Pool`: drop the sender (so every worker's `recv` fails and its loop
// ends), then join every worker.
