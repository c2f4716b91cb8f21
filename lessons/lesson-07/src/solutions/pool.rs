//! Exercise 7.2 `Pool`, the reference answer.

use std::fmt;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;
use std::thread::{self, JoinHandle};

use crossbeam::channel::{self, Sender};
// The panic's text (`panic!("literal")` gives a `&str`, `panic!("{}", ..)` a `String`).
use instruments::check::panic_text as panic_message;

/// Exercise 7.2: why a [`Pool::map`] failed: the item whose call panicked, and the panic's
/// message.
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

type Job = Box<dyn FnOnce() + Send + 'static>;

/// Exercise 7.2: a pool of threads started once, fed jobs through a crossbeam channel.
#[derive(Debug)]
pub struct Pool {
    /// `None` once the pool is being dropped: closing the channel tells the workers to stop.
    jobs: Option<Sender<Job>>,
    workers: Vec<JoinHandle<()>>,
}

impl Pool {
    /// Starts `workers` threads (at least one), each taking jobs from one shared channel.
    pub fn new(workers: usize) -> Pool {
        let (jobs, inbox) = channel::unbounded::<Job>();
        let workers = (0..workers.max(1))
            .map(|index| {
                let inbox = inbox.clone();
                thread::Builder::new()
                    .name(format!("pool-{index}"))
                    // `recv` fails only when every sender is gone: the pool was dropped.
                    .spawn(move || {
                        while let Ok(job) = inbox.recv() {
                            job();
                        }
                    })
                    .expect("the pool's threads start")
            })
            .collect();
        Pool {
            jobs: Some(jobs),
            workers,
        }
    }

    /// Calls `f` on every item on the pool's workers and returns the answers in the order of
    /// `items`, or the lowest-indexed item whose call panicked (whichever panic came first).
    pub fn map<T, R, F>(&self, items: Vec<T>, f: F) -> Result<Vec<R>, PoolError>
    where
        T: Send + 'static,
        R: Send + 'static,
        F: Fn(T) -> R + Send + Sync + 'static,
    {
        let f = Arc::new(f);
        let count = items.len();
        let (results, answers) = channel::unbounded();
        let jobs = self.jobs.as_ref().expect("the pool is open until dropped");
        for (index, item) in items.into_iter().enumerate() {
            let (f, results) = (Arc::clone(&f), results.clone());
            let job: Job = Box::new(move || {
                // Catch the panic here, so the worker survives it and `map` hears of it.
                let outcome = panic::catch_unwind(AssertUnwindSafe(|| f(item)));
                let _ = results.send((index, outcome.map_err(|p| panic_message(&*p))));
            });
            jobs.send(job).expect("the workers are running");
        }
        // Drop our own sender, so `answers` ends when the last job has sent its answer.
        drop(results);
        let mut slots: Vec<Option<R>> = (0..count).map(|_| None).collect();
        let mut failure: Option<PoolError> = None;
        for (index, outcome) in answers.iter().take(count) {
            match outcome {
                Ok(answer) => slots[index] = Some(answer),
                Err(message) => {
                    // Keep the lowest index, not the first received: answers arrive in the
                    // order the workers finish, which is not the order of the items.
                    if failure.as_ref().is_none_or(|f| index < f.index) {
                        failure = Some(PoolError { index, message });
                    }
                }
            }
        }
        match failure {
            Some(error) => Err(error),
            None => Ok(slots
                .into_iter()
                .map(|slot| slot.expect("every job answered"))
                .collect()),
        }
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        // Closing the channel ends each worker's `recv` loop once the queue is empty.
        drop(self.jobs.take());
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}
