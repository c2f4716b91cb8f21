//! Lesson 02: threads, and concurrency vs parallelism.
//!
//! The tutorials' `threading.Thread(target=..., args=...)`, `start()` and `join()`, in Rust:
//! `thread::spawn` with a `move` closure, `join` that hands back the thread's return value (or
//! its panic, as `Err`), threads with names, and scoped threads that may borrow. Then the
//! tutorials' two charts, measured: two CPU-bound tasks on one worker take turns (concurrency:
//! both in progress, one running), on all cores they run at the same time (parallelism).
//!
//! This file holds the code the chapter shows (between `ANCHOR` marks); `src/exercises/` holds
//! the learner's work, one file per exercise, and `src/solutions/` the reference answers.

use std::hint::black_box;
use std::thread;
use std::time::{Duration, Instant};

use instruments::{Recorder, work};

#[cfg(not(feature = "solutions"))]
pub mod exercises;
#[cfg(feature = "solutions")]
#[path = "solutions/mod.rs"]
pub mod exercises;

// ANCHOR: move_and_join
/// Adds up `amounts` on a new thread and waits for the answer, like starting a
/// `threading.Thread` and joining it, except that here `join` hands back what the thread
/// returned: no shared variable is needed to get the result out.
pub fn total_on_thread(amounts: Vec<u64>) -> u64 {
    // `move` hands `amounts` over to the new thread. Without it the closure would borrow
    // `amounts` from this function, and `thread::spawn` refuses borrows: the thread could
    // still be running after this function has returned and freed them.
    let handle: thread::JoinHandle<u64> = thread::spawn(move || amounts.iter().sum());
    // `join` blocks until the thread ends. It returns `Ok(the closure's return value)`, or
    // `Err` if the thread panicked (see `bake_in_faulty_oven`).
    handle.join().expect("the adding thread panicked")
}
// ANCHOR_END: move_and_join

// ANCHOR: named
/// Starts `count` threads named `baker-1`, `baker-2`, ... and returns the name each one saw
/// from inside, in the order they were started.
///
/// A name shows in panic messages (`thread 'baker-2' panicked at ...`), in debuggers and
/// profilers, and in this workbook's timelines.
pub fn named_bakers(count: usize) -> Vec<String> {
    let handles: Vec<thread::JoinHandle<String>> = (1..=count)
        .map(|number| {
            thread::Builder::new()
                .name(format!("baker-{number}"))
                // Unlike `thread::spawn`, `Builder::spawn` returns an `io::Result`: the
                // operating system may refuse to start a thread (out of memory, or a limit
                // on threads), and the builder lets the caller decide what to do about it.
                .spawn(|| {
                    let me = thread::current();
                    me.name().unwrap_or("unnamed").to_owned()
                })
                .expect("the operating system starts a thread")
        })
        .collect();
    handles
        .into_iter()
        .map(|handle| handle.join().expect("a baker thread panicked"))
        .collect()
}
// ANCHOR_END: named

// ANCHOR: scoped
/// Finds the smallest and the largest reading at the same time, on two threads that both
/// *borrow* `readings`: no copy, no `Arc`, no `move` of the data.
pub fn smallest_and_largest(readings: &[u64]) -> (Option<u64>, Option<u64>) {
    // `thread::scope` joins every thread spawned in it before it returns, so the borrow of
    // `readings` cannot outlive the call, and the compiler allows it.
    thread::scope(|scope| {
        let smallest = scope.spawn(|| readings.iter().copied().min());
        let largest = scope.spawn(|| readings.iter().copied().max());
        // Scoped handles join like ordinary ones and also return the closure's value.
        (
            smallest.join().expect("the min thread panicked"),
            largest.join().expect("the max thread panicked"),
        )
    })
}
// ANCHOR_END: scoped

// ANCHOR: panic
/// A thread that panics ends that thread only: the program, and every other thread, carries
/// on. `join` reports the panic as `Err(payload)`, where the payload is the value `panic!` was
/// given (a `Box<dyn Any + Send>`, since a panic can carry any type).
pub fn bake_in_faulty_oven() -> Result<u64, &'static str> {
    let oven = thread::Builder::new()
        .name("oven".to_owned())
        .spawn(|| -> u64 {
            // The default panic hook prints this to stderr ("thread 'oven' panicked at ...")
            // when it happens, whether or not anyone joins the thread.
            panic!("the oven caught fire")
        })
        .expect("the operating system starts a thread");
    match oven.join() {
        Ok(cakes) => Ok(cakes),
        // `downcast_ref` asks whether the payload is of one given type. A `panic!` with a
        // plain literal carries a `&'static str`; one with `{}` arguments carries a `String`.
        Err(payload) => Err(payload
            .downcast_ref::<&'static str>()
            .copied()
            .unwrap_or("a panic whose payload is not a &'static str")),
    }
}
// ANCHOR_END: panic

/// What the four thread basics above gave, for the demonstration's report.
#[derive(Debug, Clone)]
pub struct Basics {
    /// What `total_on_thread` returned for 1..=1000.
    pub moved_total: u64,
    /// The names `named_bakers(3)` saw.
    pub thread_names: Vec<String>,
    /// The smallest and largest of 1000 readings, found by two scoped threads.
    pub smallest_and_largest: (Option<u64>, Option<u64>),
    /// The panic `bake_in_faulty_oven`'s join returned.
    pub panic_message: &'static str,
}

/// Runs the four thread basics once each.
pub fn thread_basics() -> Basics {
    let readings: Vec<u64> = (0..1000).map(|i| (i * 7919) % 1000 + 3).collect();
    Basics {
        moved_total: total_on_thread((1..=1000).collect()),
        thread_names: named_bakers(3),
        smallest_and_largest: smallest_and_largest(&readings),
        panic_message: bake_in_faulty_oven().err().unwrap_or("(no panic)"),
    }
}

impl std::fmt::Display for Basics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (smallest, largest) = self.smallest_and_largest;
        writeln!(
            f,
            "spawn + move + join: a thread added up the 1000 amounts it was given: {}",
            self.moved_total
        )?;
        let names = self.thread_names.join(", ");
        writeln!(f, "Builder names, seen from inside each thread: {names}")?;
        writeln!(
            f,
            "scope: two threads borrowed the same 1000 readings: smallest {}, largest {}",
            smallest.unwrap_or_default(),
            largest.unwrap_or_default()
        )?;
        writeln!(
            f,
            "panic: thread 'oven' panicked; its join returned Err({:?}); main carried on",
            self.panic_message
        )
    }
}

impl Basics {
    /// Prints the basics, one line each, and puts them in the `--json` report.
    pub fn report(self, lesson: &mut instruments::Lesson) {
        lesson.say(self.to_string());
        lesson.derive("moved_total", self.moved_total);
        lesson.derive("thread_names", self.thread_names);
        lesson.derive("panic_message", self.panic_message);
    }
}

/// How a measured speedup of the charts reads against the ideal.
pub fn verdict(speedup: f64, ideal: f64) -> &'static str {
    match speedup {
        s if s >= 0.95 * ideal => "within 5% of the ideal",
        s if s >= 1.2 => "faster, but more than 5% short of the ideal (a busy machine?)",
        _ => "no real gain (were the other cores busy?)",
    }
}

// ANCHOR: spawn_cost
/// How long it takes to start a fresh thread that does nothing, and join it: the price of
/// `thread::spawn` that a pool pays once instead of once per job.
pub fn fresh_thread_cost() -> Duration {
    let started = Instant::now();
    thread::spawn(|| {})
        .join()
        .expect("an empty thread cannot panic");
    started.elapsed()
}
// ANCHOR_END: spawn_cost

// ANCHOR: task
/// A CPU-bound task (the tutorials' `sum(i * i for i in range(n))`), cut into equal slices so
/// that one worker can take turns between several tasks, slice by slice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Task {
    /// The row it is drawn on: "Task A", "Task B", ...
    pub name: String,
    /// How many slices the work is cut into.
    pub slices: usize,
    /// The terms of `sum_of_squares` in one slice (from `work::calibrate`, so a slice takes a
    /// known time on this machine).
    pub terms_per_slice: u64,
}

/// `count` tasks named "Task A", "Task B", ..., each of `slices` slices of `terms_per_slice`.
pub fn tasks(count: usize, slices: usize, terms_per_slice: u64) -> Vec<Task> {
    (0..count)
        .map(|index| Task {
            name: format!("Task {}", char::from(b'A' + (index % 26) as u8)),
            slices,
            terms_per_slice,
        })
        .collect()
}

/// Runs one slice of `task`, recorded as a span on the task's row.
pub fn run_slice(task: &Task, recorder: &Recorder) -> u64 {
    recorder.record(task.name.as_str(), "compute", || {
        work::sum_of_squares(task.terms_per_slice)
    })
}

/// Runs every slice of `task`, one after another, and returns the task's answer.
pub fn run_task(task: &Task, recorder: &Recorder) -> u64 {
    (0..task.slices).fold(0, |total, _| total.wrapping_add(run_slice(task, recorder)))
}
// ANCHOR_END: task

/// The pool both charts run on (`instruments::pool`, shared with lesson 07): `workers` threads
/// named `worker-0`, `worker-1`, ..., started once, before any clock runs.
pub use instruments::pool::worker_pool;

// ANCHOR: one_worker
/// Concurrency without parallelism: all the tasks on one worker, taking turns slice by slice
/// (A, B, A, B, ...), as one core time-slices threads or an event loop switches tasks. Every
/// task is in progress from the start to nearly the end, but only one runs at any moment.
pub fn run_on_one_worker(
    pool: &rayon::ThreadPool,
    tasks: &[Task],
    recorder: &Recorder,
) -> Vec<u64> {
    // `install` runs the closure on one of the pool's threads and waits for its answer.
    pool.install(|| {
        let mut totals = vec![0_u64; tasks.len()];
        let rounds = tasks.iter().map(|task| task.slices).max().unwrap_or(0);
        for round in 0..rounds {
            // One slice of each task in turn; while one runs, the others wait.
            for (task, total) in tasks.iter().zip(&mut totals) {
                if round < task.slices {
                    *total = total.wrapping_add(run_slice(task, recorder));
                }
            }
        }
        totals
    })
}
// ANCHOR_END: one_worker

// ANCHOR: all_cores
/// Parallelism: every task on its own worker of the pool, all at the same time.
///
/// `broadcast` runs the closure once on every worker, each with its own index, and returns
/// their answers in index order; worker `i` runs task `i`. (`tasks.par_iter()` would also
/// work: it lets idle workers steal tasks, so which worker runs which task is up to the pool.)
///
/// # Panics
///
/// If the pool has fewer workers than there are tasks.
pub fn run_on_all_cores(pool: &rayon::ThreadPool, tasks: &[Task], recorder: &Recorder) -> Vec<u64> {
    assert!(
        pool.current_num_threads() >= tasks.len(),
        "one worker per task: {} workers for {} tasks",
        pool.current_num_threads(),
        tasks.len()
    );
    pool.broadcast(|context| {
        tasks
            .get(context.index())
            .map(|task| run_task(task, recorder))
    })
    .into_iter()
    .flatten() // workers beyond the last task had nothing to do
    .collect()
}
// ANCHOR_END: all_cores

// ANCHOR: sum_chunk
/// The CPU work [`sum_chunk`] does for each number, in terms of `work::sum_of_squares`.
///
/// It stands for real per-number work (parsing a record, checking a value). Adding alone
/// takes about a nanosecond a number: a chunk of a million would be done in a millisecond,
/// about what it costs to start a thread, and no timeline could show two chunks at once.
pub const WORK_PER_NUMBER: u64 = 1_000;

/// Adds up one chunk of numbers, recorded as a span labelled `"sum"` on the row
/// `chunk {chunk_number}: {length} numbers`. Exercise 2.1 calls it once per chunk, from the
/// worker threads; its check reads the rows to see how the numbers were shared out.
pub fn sum_chunk(recorder: &Recorder, chunk_number: usize, chunk: &[u64]) -> u64 {
    let row = format!("chunk {chunk_number}: {} numbers", chunk.len());
    recorder.record(row, "sum", || {
        // Exercise 2.1's check can make each chunk wait here until every chunk has started
        // (anywhere else this just runs the closure).
        recorder.attend(|| {
            let mut total = 0_u64;
            for &number in chunk {
                black_box(work::sum_of_squares(WORK_PER_NUMBER));
                total += number;
            }
            total
        })
    })
}
// ANCHOR_END: sum_chunk

// ANCHOR: job
/// A job for exercise 2.2: a closure to run once, on some other thread, that returns a number.
///
/// `Box<dyn ...>` lets jobs made from different closures sit in one `Vec`. `FnOnce`: it runs
/// once and may consume what it captured. `Send`: it may move to another thread. `'static`:
/// it borrows nothing that could be freed while its thread still runs.
pub type Job = Box<dyn FnOnce() -> u64 + Send + 'static>;
// ANCHOR_END: job
