//! Lesson 12: choosing a model, the tutorials' decision tree translated to Rust and measured.
//!
//! The lesson runs one batch of items (each waits, then computes) under seven models
//! ([`Model`]) and times them ([`Models::run`]), so that the decision tree ([`tree`]) can be
//! set against what this machine measures. Models whose least possible time
//! ([`lower_bound`]) is far over the budget are not run, and the table says so. The binary is
//! also the processes model's worker ([`worker_mode`]). [`report`] prints the table, the
//! verdicts and the pitfalls; `src/exercises/` holds the learner's work (exercise 12.1,
//! `choose`), `src/solutions/` the reference answer.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use instruments::process::{Pool, WorkerCommand};
use instruments::{Recorder, work};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

pub mod report;

#[cfg(not(feature = "solutions"))]
pub mod exercises;
#[cfg(feature = "solutions")]
#[path = "solutions/mod.rs"]
pub mod exercises;

/// The argument that starts the binary as a worker process.
pub const WORKER: &str = "worker";
/// How long any one item, or one download, may take before it is an error.
pub const ITEM_LIMIT: Duration = Duration::from_secs(30);

// ANCHOR: model
/// The ways of running a batch of items that the lesson compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Model {
    /// One item after another, on this thread.
    Sequential,
    /// One `std::thread` per item (a `threading.Thread` per item).
    Threads,
    /// A fixed pool of min(32, cores + 4) threads: `ThreadPoolExecutor()`'s default size.
    ThreadPool,
    /// rayon's pool, one thread a core, `par_iter` (work stealing).
    Rayon,
    /// One tokio task per item on a multi-thread runtime, the CPU part inside the task too
    /// (`asyncio.gather`).
    Tokio,
    /// One tokio task per item for its wait; its CPU part handed to rayon.
    TokioRayon,
    /// A pool of worker processes, one a core (`ProcessPoolExecutor()`).
    Processes,
}
// ANCHOR_END: model

impl Model {
    /// Every model, in the table's order.
    pub const ALL: [Model; 7] = [
        Model::Sequential,
        Model::Threads,
        Model::ThreadPool,
        Model::Rayon,
        Model::Tokio,
        Model::TokioRayon,
        Model::Processes,
    ];

    /// The stable key (`--json`).
    pub fn key(self) -> &'static str {
        match self {
            Model::Sequential => "sequential",
            Model::Threads => "threads",
            Model::ThreadPool => "thread_pool",
            Model::Rayon => "rayon",
            Model::Tokio => "tokio",
            Model::TokioRayon => "tokio_rayon",
            Model::Processes => "processes",
        }
    }

    /// The name in the table.
    pub fn name(self) -> &'static str {
        match self {
            Model::Sequential => "sequential",
            Model::Threads => "std threads",
            Model::ThreadPool => "thread pool",
            Model::Rayon => "rayon",
            Model::Tokio => "tokio",
            Model::TokioRayon => "tokio + rayon",
            Model::Processes => "processes",
        }
    }

    /// How many items the model has waiting at once, and computing at once, on `cores`.
    pub fn at_once(self, items: u64, cores: usize) -> (u64, u64) {
        let cores = cores.max(1) as u64;
        let items = items.max(1);
        match self {
            Model::Sequential => (1, 1),
            Model::Threads => (items, items.min(cores)),
            Model::ThreadPool => {
                let pool = pool_size(cores as usize) as u64;
                (pool, pool.min(cores))
            }
            Model::Rayon | Model::Processes => (cores, cores),
            Model::Tokio | Model::TokioRayon => (items, cores),
        }
    }
}

/// The size of `ThreadPoolExecutor()`'s default pool: min(32, cores + 4).
pub fn pool_size(cores: usize) -> usize {
    (cores + 4).min(32)
}

// ANCHOR: workload
/// A workload as the decision sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Workload {
    /// How many items, all there from the start.
    pub items: u64,
    /// The CPU time one item needs (computing, no waiting).
    pub cpu_per_item: Duration,
    /// The time one item spends waiting (the network, a disk, a timer).
    pub wait_per_item: Duration,
    /// The items' code may crash its process (a C library, untrusted input), and a crash must
    /// cost only its own item.
    pub may_crash: bool,
}
// ANCHOR_END: workload

// ANCHOR: tree
/// How many waits at once make "very many": past this, a thread each costs more than it must.
pub const VERY_MANY: u64 = 1_000;

/// The tutorials' decision tree, translated to Rust, with the reason for each branch.
pub fn tree(workload: &Workload) -> (Model, &'static str) {
    let (cpu, wait) = (workload.cpu_per_item, workload.wait_per_item);
    if workload.may_crash {
        (
            Model::Processes,
            "a crash must be contained, and only a process boundary contains one",
        )
    } else if wait.is_zero() || cpu > wait {
        (
            Model::Rayon,
            "CPU-bound: no GIL, so threads share the cores; rayon spreads the items",
        )
    } else if cpu * 10 >= wait {
        (
            Model::TokioRayon,
            "mixed: async for the waits, a CPU pool for the computing",
        )
    } else if workload.items >= VERY_MANY {
        (
            Model::Tokio,
            "very many waits: a task costs a few hundred bytes, a thread its stack",
        )
    } else {
        (
            Model::Threads,
            "I/O-bound, not many: a thread per wait is simple and as fast",
        )
    }
}
// ANCHOR_END: tree

/// The least time `model` can take on `workload` with `cores` cores, from how many items it
/// waits on and computes at once (the waits in rounds, the CPU time shared by the cores it
/// uses). A model whose bound is far over a budget is not run: it cannot be quicker.
pub fn lower_bound(model: Model, workload: &Workload, cores: usize) -> Duration {
    let items = workload.items.max(1);
    let (waiting, computing) = model.at_once(items, cores);
    let rounds = items.div_ceil(waiting) as f64;
    let waits = workload.wait_per_item.mul_f64(rounds);
    let cpu = workload
        .cpu_per_item
        .mul_f64(items as f64 / computing as f64);
    waits.max(cpu)
}

// ANCHOR: item
/// One item of a batch: a wait, then `terms` of the CPU job (the tutorials' `compute`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub wait: Wait,
    pub terms: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Wait {
    /// A timer (`time.sleep` / `asyncio.sleep`).
    Sleep { micros: u64 },
    /// A real download from the lesson's server on 127.0.0.1.
    Get { url: String },
}
// ANCHOR_END: item

impl Item {
    /// `n` items that sleep `wait` and compute `terms` each.
    pub fn sleeping(n: u64, wait: Duration, terms: u64) -> Vec<Item> {
        let micros = wait.as_micros() as u64;
        let wait = Wait::Sleep { micros };
        (0..n)
            .map(|_| Item {
                wait: wait.clone(),
                terms,
            })
            .collect()
    }

    /// Items that download each url, then compute `terms` each.
    pub fn downloading(urls: impl IntoIterator<Item = String>, terms: u64) -> Vec<Item> {
        let items = urls.into_iter().map(|url| Wait::Get { url });
        items.map(|wait| Item { wait, terms }).collect()
    }
}

/// What one item gives back: the bytes downloaded plus the sum computed (so that no model can
/// skip either), or why it failed.
pub type Outcome = Result<u64, String>;

/// The blocking form of an item's wait (a thread sleeps or reads its socket).
pub fn wait_blocking(wait: &Wait, agent: &ureq::Agent) -> Outcome {
    match wait {
        Wait::Sleep { micros } => {
            thread::sleep(Duration::from_micros(*micros));
            Ok(0)
        }
        Wait::Get { url } => {
            let mut response = agent.get(url).call().map_err(|e| format!("{url}: {e}"))?;
            let body = response.body_mut().read_to_vec();
            Ok(body.map_err(|e| format!("{url}: {e}"))?.len() as u64)
        }
    }
}

/// The async form of an item's wait (the task yields until it is over).
pub async fn wait_async(wait: &Wait, client: &reqwest::Client) -> Outcome {
    match wait {
        Wait::Sleep { micros } => {
            tokio::time::sleep(Duration::from_micros(*micros)).await;
            Ok(0)
        }
        Wait::Get { url } => {
            let response = client.get(url).send().await;
            let body = response.map_err(|e| format!("{url}: {e}"))?.bytes().await;
            Ok(body.map_err(|e| format!("{url}: {e}"))?.len() as u64)
        }
    }
}

/// One item, blocking, recorded on the row `item <index>`: a mark at its start, a `cpu` span.
pub fn run_item(index: usize, item: &Item, agent: &ureq::Agent, r: Option<&Recorder>) -> Outcome {
    let row = || format!("item {index}");
    // A mark where the item starts: its wait draws as waiting (░), its computing as running.
    drop(r.map(|r| r.span(row(), "start")));
    let waited = wait_blocking(&item.wait, agent)?;
    let _span = r.map(|r| r.span(row(), "cpu"));
    Ok(waited.wrapping_add(work::sum_of_squares(item.terms)))
}

/// The Rust form of `if __name__ == "__main__":` for the processes model: started with
/// `worker`, the binary serves items (one JSON line in, one out) and exits here.
pub fn worker_mode() -> Option<i32> {
    if std::env::args().nth(1).as_deref() != Some(WORKER) {
        return None;
    }
    let agent = instruments::site::blocking_agent(ITEM_LIMIT);
    Some(instruments::process::serve(|item: Item| {
        run_item(0, &item, &agent, None)
    }))
}

/// The command that starts this binary as a worker process.
pub fn this_binary_as_worker() -> WorkerCommand {
    WorkerCommand::current_exe().arg(WORKER)
}

/// Everything the models run on, made once: a tokio runtime of one thread a core, the shared
/// HTTP clients, and the command that starts a worker process.
#[derive(Debug)]
pub struct Models {
    cores: usize,
    runtime: tokio::runtime::Runtime,
    agent: ureq::Agent,
    client: reqwest::Client,
    worker: WorkerCommand,
}

impl Models {
    /// The models on this machine; `worker` starts this lesson's binary as a worker process.
    pub fn new(worker: WorkerCommand) -> Models {
        let cores = instruments::cores();
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(cores)
            .enable_all()
            .build()
            .expect("a tokio runtime");
        Models {
            cores,
            runtime,
            agent: instruments::site::blocking_agent(ITEM_LIMIT),
            client: instruments::site::async_client(ITEM_LIMIT),
            worker,
        }
    }

    /// The number of cores the models use.
    pub fn cores(&self) -> usize {
        self.cores
    }

    /// The tokio runtime the async models run on.
    pub fn runtime(&self) -> &tokio::runtime::Runtime {
        &self.runtime
    }

    /// Runs every item under `model`, recording spans when a recorder is given; the sum of the
    /// items' outcomes, or the first failure.
    pub fn run(&self, model: Model, items: &[Item], r: Option<&Recorder>) -> Outcome {
        let outcomes = match model {
            Model::Sequential => {
                let each = items.iter().enumerate();
                each.map(|(i, item)| run_item(i, item, &self.agent, r))
                    .collect()
            }
            Model::Threads => self.threads(items, r),
            Model::ThreadPool => self.pool(items, r),
            Model::Rayon => {
                let each = items.par_iter().enumerate();
                each.map(|(i, item)| run_item(i, item, &self.agent, r))
                    .collect()
            }
            Model::Tokio => self.tasks(items, r, false),
            Model::TokioRayon => self.tasks(items, r, true),
            Model::Processes => self.processes(items, r),
        };
        let outcomes: Vec<Outcome> = outcomes;
        outcomes
            .into_iter()
            .try_fold(0_u64, |sum, o| Ok(sum.wrapping_add(o?)))
    }
}

// ANCHOR: threads
impl Models {
    fn threads(&self, items: &[Item], r: Option<&Recorder>) -> Vec<Outcome> {
        thread::scope(|scope| {
            let mut handles = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                // Starting a thread can fail (the system's limit on threads): an outcome.
                let started = thread::Builder::new()
                    .spawn_scoped(scope, move || run_item(i, item, &self.agent, r));
                handles.push(started.map_err(|e| format!("thread {i} did not start: {e}")));
            }
            let join = |h: thread::ScopedJoinHandle<'_, Outcome>| {
                h.join()
                    .unwrap_or_else(|_| Err("an item panicked".to_owned()))
            };
            handles.into_iter().map(|h| h.and_then(join)).collect()
        })
    }

    fn pool(&self, items: &[Item], r: Option<&Recorder>) -> Vec<Outcome> {
        let next = AtomicUsize::new(0);
        let workers = pool_size(self.cores).min(items.len());
        let mut done: Vec<(usize, Outcome)> = thread::scope(|scope| {
            let handles: Vec<_> = (0..workers)
                .map(|_| {
                    scope.spawn(|| {
                        let mut mine = Vec::new();
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(item) = items.get(i) else { break mine };
                            mine.push((i, run_item(i, item, &self.agent, r)));
                        }
                    })
                })
                .collect();
            let joined = handles.into_iter().map(|h| h.join().unwrap_or_default());
            joined.flatten().collect()
        });
        done.sort_by_key(|(i, _)| *i);
        done.into_iter().map(|(_, outcome)| outcome).collect()
    }
}
// ANCHOR_END: threads

// ANCHOR: tasks
impl Models {
    fn tasks(&self, items: &[Item], r: Option<&Recorder>, cpu_on_rayon: bool) -> Vec<Outcome> {
        self.runtime.block_on(async {
            let mut set = tokio::task::JoinSet::new();
            for (i, item) in items.iter().cloned().enumerate() {
                let (client, r) = (self.client.clone(), r.cloned());
                set.spawn(async move {
                    let row = format!("item {i}");
                    drop(r.as_ref().map(|r| r.span(row.clone(), "start")));
                    let waited = wait_async(&item.wait, &client).await?;
                    let terms = item.terms;
                    let sum = if cpu_on_rayon {
                        // The task waits for rayon's answer without holding a runtime thread.
                        let (tx, rx) = tokio::sync::oneshot::channel();
                        rayon::spawn(move || {
                            let _span = r.as_ref().map(|r| r.span(row, "cpu"));
                            let _ = tx.send(work::sum_of_squares(terms));
                        });
                        rx.await.map_err(|_| "rayon dropped the job".to_owned())?
                    } else {
                        // Computed on the runtime's thread: no other task runs on it meanwhile.
                        let _span = r.as_ref().map(|r| r.span(row, "cpu"));
                        work::sum_of_squares(terms)
                    };
                    Ok((i, waited.wrapping_add(sum)))
                });
            }
            let mut outcomes: Vec<Outcome> = vec![Err("not run".to_owned()); items.len()];
            while let Some(joined) = set.join_next().await {
                match joined {
                    Ok(Ok((i, value))) => outcomes[i] = Ok(value),
                    Ok(Err(e)) => return vec![Err(e)],
                    Err(e) => return vec![Err(format!("a task failed: {e}"))],
                }
            }
            outcomes
        })
    }
}
// ANCHOR_END: tasks

// ANCHOR: processes
impl Models {
    fn processes(&self, items: &[Item], r: Option<&Recorder>) -> Vec<Outcome> {
        // As `with ProcessPoolExecutor() as pool:`, the workers start inside the timing.
        let mut pool = Pool::new(self.worker.clone(), self.cores).limit(ITEM_LIMIT);
        if let Some(r) = r {
            pool = pool.recorder(r);
        }
        let answers = pool.map::<Item, Outcome>(items);
        let each = answers.into_iter();
        each.map(|a| a.map_err(|e| e.to_string()).and_then(|o| o))
            .collect()
    }
}
// ANCHOR_END: processes

// ANCHOR: blocking_inside_async
/// The pitfall "a blocking call inside async": `n` tasks that each wait `wait`, with
/// `tokio::time::sleep(...).await` (the task yields its thread) or with `std::thread::sleep`
/// (the task holds its runtime thread, so the runtime's threads take the waits in turns).
pub fn tasks_that_wait(runtime: &tokio::runtime::Runtime, n: usize, wait: Duration, block: bool) {
    runtime.block_on(async {
        let mut set = tokio::task::JoinSet::new();
        for _ in 0..n {
            set.spawn(async move {
                if block {
                    thread::sleep(wait); // blocks this runtime thread: nothing else runs on it
                } else {
                    tokio::time::sleep(wait).await; // yields: the thread runs other tasks
                }
            });
        }
        while set.join_next().await.is_some() {}
    });
}
// ANCHOR_END: blocking_inside_async
