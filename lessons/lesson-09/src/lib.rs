//! Lesson 09: processes, Python's `multiprocessing` in Rust.
//!
//! The lesson's binary is its own worker: started with the argument `worker` it serves jobs
//! (one JSON line in, one JSON line out) instead of running the lesson ([`worker_mode`], the
//! Rust form of the `if __name__ == "__main__":` guard and of `multiprocessing`'s spawn). The
//! parent side is `instruments::process` (a `Worker` per child, a `Pool` of them).
//!
//! This file holds the code the chapter shows (between `ANCHOR` marks): the jobs and the
//! worker, what starting a process costs against a thread ([`spawn_threads`],
//! [`spawn_processes`]), a round trip through a channel against one through a pipe, separate
//! memory ([`separate_memory`]), crash isolation ([`abort_in_worker`], [`abort_in_thread`]),
//! another program as a worker ([`python_worker`], `python/worker.py`), and the CPU job on a
//! process pool beside rayon ([`pool_of_processes`], [`rayon_threads`]).
//! `src/exercises/` holds the learner's work, `src/solutions/` the reference answers, and
//! [`pool_cli`] the `pool` subcommand.

use std::io::Write as _;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use instruments::process::{Death, Pool, Worker, WorkerCommand, WorkerError};
use instruments::{Recorder, work};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

pub mod pool_cli;
pub mod report;

#[cfg(not(feature = "solutions"))]
pub mod exercises;
#[cfg(feature = "solutions")]
#[path = "solutions/mod.rs"]
pub mod exercises;

/// The argument that starts the binary as a worker.
pub const WORKER: &str = "worker";
/// If set, each worker appends `start <pid> <µs>` when it starts and `exit <pid> <µs>` when it
/// finishes (its stdin closed) to this file: how the checks see which processes were alive when.
pub const WORKER_LOG: &str = "LESSON_09_WORKER_LOG";
/// How long the lesson's own jobs may take before their worker is killed.
pub const JOB_LIMIT: Duration = Duration::from_secs(30);

// ANCHOR: jobs
/// What a worker process is asked to do: one JSON object a line on its stdin, such as
/// `{"id":3,"task":{"sum":{"terms":1000000}}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Job {
    pub id: usize,
    pub task: Task,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Task {
    /// The tutorials' CPU job, `sum(i * i for i in range(terms))`.
    Sum {
        terms: u64,
    },
    /// Wait (a job the checks can overlap on a busy machine); answers `ms`.
    Sleep {
        ms: u64,
    },
    /// Answer at once (a round trip); answers 0.
    Echo,
    /// Add 1 to the worker's own static counter, `times` times; answers the counter.
    Increment {
        times: u64,
    },
    /// Ways for a worker to die in the middle of a job.
    Abort,
    Exit {
        code: i32,
    },
    Garbage,
    KillSelf,
    Hang,
}

/// A worker's answer, one JSON line on its stdout: which job, which process did it, the value,
/// and when (microseconds since the Unix epoch, a clock every process on the machine shares).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub job: usize,
    pub pid: u32,
    pub value: u64,
    pub started_us: u64,
    pub ended_us: u64,
}
// ANCHOR_END: jobs

// ANCHOR: worker_mode
/// The Rust form of `if __name__ == "__main__":`. A process started with `worker` (by
/// [`instruments::process::Worker`]) serves jobs and exits here; the other modes are the
/// lesson's small children. `None`: this is the parent, run the lesson. Python's spawn imports
/// the whole module again in the child; a Rust child runs the same `main`, which asks this first.
pub fn worker_mode() -> Option<i32> {
    match std::env::args().nth(1).as_deref() {
        Some(WORKER) => {
            log("start");
            let status = instruments::process::serve(|job: Job| answer(job));
            log("exit");
            Some(status)
        }
        Some("noop") => Some(0), // starts and exits: the cost of a process alone
        Some("abort-in-thread") => Some(abort_in_a_thread_then_report()),
        _ => None,
    }
}
// ANCHOR_END: worker_mode

// ANCHOR: answer
/// The worker's side of one job.
pub fn answer(job: Job) -> Answer {
    let started_us = micros_now();
    let value = match job.task {
        Task::Sum { terms } => work::sum_of_squares(terms),
        Task::Sleep { ms } => {
            thread::sleep(Duration::from_millis(ms));
            ms
        }
        Task::Echo => 0,
        Task::Increment { times } => increment(times),
        Task::Abort => std::process::abort(),
        Task::Exit { code } => std::process::exit(code),
        Task::Garbage => {
            println!("Traceback (most recent call last): not JSON");
            std::process::exit(0)
        }
        Task::KillSelf => {
            // As if killed from outside with `kill -9`.
            let pid = std::process::id().to_string();
            // Its stdout is not ours: our parent's pipe must close when we die, not when it exits.
            let _ = (Command::new("kill").args(["-9", &pid]))
                .stdout(Stdio::null())
                .status();
            thread::sleep(Duration::from_secs(5));
            std::process::exit(9)
        }
        Task::Hang => {
            thread::sleep(Duration::from_secs(20)); // bounded: a hang that ends, eventually
            0
        }
    };
    let pid = std::process::id();
    let (job, ended_us) = (job.id, micros_now());
    Answer {
        job,
        pid,
        value,
        started_us,
        ended_us,
    }
}
// ANCHOR_END: answer

/// Microseconds since the Unix epoch: a clock that parent and children share.
pub fn micros_now() -> u64 {
    let since = SystemTime::now().duration_since(UNIX_EPOCH);
    since.map_or(0, |d| d.as_micros() as u64)
}

fn log(event: &str) {
    let Some(path) = std::env::var_os(WORKER_LOG) else {
        return;
    };
    let line = format!("{event} {} {}\n", std::process::id(), micros_now());
    // One write of one short line to a file opened for appending: lines from several workers
    // never interleave.
    if let Ok(mut file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = file.write_all(line.as_bytes());
    }
}

/// The command that starts this binary as a worker (in the lesson and its `pool` subcommand).
pub fn this_binary_as_worker() -> WorkerCommand {
    WorkerCommand::current_exe().arg(WORKER)
}

// ANCHOR: spawn_costs
/// Starts `n` threads that do nothing and joins each: what a thread costs.
pub fn spawn_threads(n: usize, recorder: &Recorder) {
    let _span = recorder.span("threads", "spawn + join");
    for _ in 0..n {
        thread::spawn(|| ())
            .join()
            .expect("an empty thread cannot panic");
    }
}

/// Starts this binary `n` times in a mode that exits at once, and waits for each: what a
/// process costs (`multiprocessing.Process(target=f).start()` then `.join()`). `lesson` is
/// the command that starts this binary as a worker: its program is started in another mode.
pub fn spawn_processes(n: usize, lesson: &WorkerCommand, recorder: &Recorder) {
    let _span = recorder.span("processes", "spawn + wait");
    for _ in 0..n {
        let status = Command::new(lesson.program())
            .arg("noop")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .status() // spawn, then wait: the child is reaped, never a zombie
            .expect("the lesson's binary starts");
        assert!(status.success(), "the noop child failed: {status}");
    }
}
// ANCHOR_END: spawn_costs

// ANCHOR: round_trips
/// `n` round trips to a thread through two channels: a number there, the same number back.
pub fn channel_round_trips(n: u64, recorder: &Recorder) {
    let (to_thread, requests) = mpsc::channel::<u64>();
    let (to_main, replies) = mpsc::channel::<u64>();
    let echo = thread::spawn(move || {
        for request in requests {
            let _ = to_main.send(request);
        }
    });
    let _span = recorder.span("channel", "round trips");
    for i in 0..n {
        to_thread.send(i).expect("the echo thread is alive");
        assert_eq!(replies.recv(), Ok(i));
    }
    drop(to_thread); // its loop ends: no more requests
    echo.join().expect("the echo thread ends");
}

/// `n` round trips to a worker process (started from `command` before the span opens)
/// through its pipes: a JSON job written to its stdin, a JSON answer read from its stdout.
pub fn pipe_round_trips(n: u64, command: &WorkerCommand, recorder: &Recorder) {
    let mut worker = Worker::spawn(command).expect("a worker starts");
    let span = recorder.span("pipe", "round trips");
    for id in 0..n as usize {
        let job = Job {
            id,
            task: Task::Echo,
        };
        let answer: Answer = worker.request(&job, JOB_LIMIT).expect("the worker echoes");
        assert_eq!(answer.job, id);
    }
    drop(span);
    let _ = worker.finish(JOB_LIMIT);
}
// ANCHOR_END: round_trips

// ANCHOR: separate_memory
/// One counter per process: a static lives in its process's memory.
static COUNTER: AtomicU64 = AtomicU64::new(0);

fn increment(times: u64) -> u64 {
    for _ in 0..times {
        COUNTER.fetch_add(1, Ordering::Relaxed);
    }
    COUNTER.load(Ordering::Relaxed)
}

/// What each side saw of `COUNTER`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Memory {
    /// The counter as the child left it.
    pub in_child: u64,
    /// This process's counter after the child counted.
    pub in_parent_after_child: u64,
    /// This process's counter after a thread of it counted.
    pub in_parent_after_thread: u64,
}

/// A child process (a worker started from `command`) and then a thread each add `times` to
/// `COUNTER`.
pub fn separate_memory(command: &WorkerCommand, times: u64) -> Memory {
    let mut worker = Worker::spawn(command).expect("a worker starts");
    let job = Job {
        id: 0,
        task: Task::Increment { times },
    };
    let child: Answer = worker.request(&job, JOB_LIMIT).expect("the child counts");
    let _ = worker.finish(JOB_LIMIT);
    let in_parent_after_child = COUNTER.load(Ordering::Relaxed);
    // A thread shares its process's memory: the same static, the same counter.
    thread::spawn(move || increment(times))
        .join()
        .expect("the thread counts");
    Memory {
        in_child: child.value,
        in_parent_after_child,
        in_parent_after_thread: COUNTER.load(Ordering::Relaxed),
    }
}
// ANCHOR_END: separate_memory

// ANCHOR: abort_in_worker
/// A worker process aborts in the middle of a job: the error comes back to this process, which
/// goes on and gets its next answer from a new worker. Returns the error and that answer.
pub fn abort_in_worker(command: &WorkerCommand) -> (WorkerError, Answer) {
    let mut doomed = Worker::spawn(command).expect("a worker starts");
    let crash = Job {
        id: 0,
        task: Task::Abort,
    };
    let error = doomed
        .request::<_, Answer>(&crash, JOB_LIMIT)
        .expect_err("an aborted worker gives no answer");
    let mut next = Worker::spawn(command).expect("a new worker starts");
    let job = Job {
        id: 1,
        task: Task::Sum { terms: 1_000 },
    };
    let answer = next
        .request(&job, JOB_LIMIT)
        .expect("the new worker answers");
    let _ = next.finish(JOB_LIMIT);
    (error, answer)
}
// ANCHOR_END: abort_in_worker

// ANCHOR: abort_in_thread
/// In the child started by [`abort_in_thread`]: a thread that aborts. `abort` ends the whole
/// process, every thread in it, at once: the main thread never gets to its second line.
fn abort_in_a_thread_then_report() -> i32 {
    println!("main thread: starting a thread that aborts");
    let _ = thread::spawn(|| std::process::abort()).join();
    println!("main thread: still here after join");
    0
}

/// What became of a process whose thread aborted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadAbort {
    pub death: Death,
    /// Whether its main thread printed its line after `join`.
    pub main_went_on: bool,
}

/// The same abort in a thread, shown in a child process (this binary, `lesson`'s program) so
/// that this lesson survives it.
pub fn abort_in_thread(lesson: &WorkerCommand) -> ThreadAbort {
    let output = Command::new(lesson.program())
        .arg("abort-in-thread")
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output() // waits for it: the child is reaped
        .expect("the lesson's binary starts");
    let printed = String::from_utf8_lossy(&output.stdout);
    ThreadAbort {
        death: Death::of(output.status),
        main_went_on: printed.contains("still here"),
    }
}
// ANCHOR_END: abort_in_thread

// ANCHOR: python_worker
/// Another program as a worker: `python/worker.py` speaks the same JSON lines. The same CPU job
/// goes to it and to this binary's worker; returns (Python's answer, Rust's answer).
pub fn python_worker(rust: &WorkerCommand, terms: u64) -> Result<(Answer, Answer), WorkerError> {
    let script = instruments::python::script(env!("CARGO_MANIFEST_DIR"), "worker.py");
    let python = WorkerCommand::new("python3").arg(script);
    let job = Job {
        id: 0,
        task: Task::Sum { terms },
    };
    let mut answers = Vec::new();
    for command in [&python, rust] {
        let mut worker = Worker::spawn(command)?;
        answers.push(worker.request(&job, JOB_LIMIT)?);
        let _ = worker.finish(JOB_LIMIT);
    }
    let rust = answers.pop().expect("two answers");
    Ok((answers.pop().expect("two answers"), rust))
}
// ANCHOR_END: python_worker

// ANCHOR: cpu_pools
/// The CPU jobs, `count` of them with `terms` terms each.
pub fn cpu_jobs(count: usize, terms: u64) -> Vec<Job> {
    (0..count)
        .map(|id| Job {
            id,
            task: Task::Sum { terms },
        })
        .collect()
}

/// The jobs on a pool of `workers` processes (`ProcessPoolExecutor(workers).map`): each job
/// sent to a child as a JSON line, its answer read back; spans on rows `process <pid>`.
pub fn pool_of_processes(
    command: &WorkerCommand,
    jobs: &[Job],
    workers: usize,
    recorder: &Recorder,
) -> Vec<u64> {
    let pool = Pool::new(command.clone(), workers)
        .limit(JOB_LIMIT)
        .recorder(recorder);
    let answers: Vec<Result<Answer, _>> = pool.map(jobs);
    (answers.into_iter())
        .map(|answer| answer.expect("a healthy worker answers").value)
        .collect()
}

/// The same jobs on rayon's threads, in this one process (no GIL: threads are enough).
pub fn rayon_threads(jobs: &[Job], recorder: &Recorder) -> Vec<u64> {
    jobs.par_iter()
        .map(|job| {
            let thread = rayon::current_thread_index().unwrap_or(0);
            let _span = recorder.span(format!("thread {thread}"), "job");
            answer(job.clone()).value
        })
        .collect()
}

/// The same jobs one after another, on this thread.
pub fn sequential(jobs: &[Job], recorder: &Recorder) -> Vec<u64> {
    let _span = recorder.span("main thread", "jobs");
    jobs.iter().map(|job| answer(job.clone()).value).collect()
}
// ANCHOR_END: cpu_pools

/// A per-operation time in microseconds, for the report.
pub fn micros_each(total: Duration, count: u64) -> f64 {
    total.as_secs_f64() * 1e6 / count.max(1) as f64
}
