//! What many waiting tasks cost: `n` tokio tasks each sleeping, against `n` OS threads each
//! sleeping. Time is wall time from the first spawn to the last join; memory is the growth of
//! the process's resident set (`VmRSS` in `/proc/self/status`) between just before the first
//! spawn and the moment all `n` are started and asleep, divided by `n`.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use instruments::python::{self, PythonError};
use instruments::runs::thousands;
use instruments::summary::ratio_to_ideal;
use instruments::timeline::format_duration;
use instruments::{Lesson, Measurement};

/// One scale run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    /// How many tasks or threads were started (fewer than asked if the OS refused a thread).
    pub started: usize,
    /// From the first spawn to the last join.
    pub elapsed: Duration,
    /// Resident memory added while all were asleep, per task or thread, in kB (1000 bytes);
    /// `None` where `/proc/self/status` cannot be read.
    pub kb_each: Option<f64>,
}

/// The process's resident memory in bytes, from `VmRSS` in `/proc/self/status` (Linux).
pub fn resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

fn per_each(before: Option<u64>, during: Option<u64>, n: usize) -> Option<f64> {
    let grown = during?.saturating_sub(before?);
    (n > 0).then(|| grown as f64 / 1000.0 / n as f64)
}

// ANCHOR: tasks
/// Starts `n` tokio tasks on one thread, each sleeping `nap`, and waits for them all.
pub fn sleeping_tasks(n: usize, nap: Duration) -> Scale {
    let runtime = crate::current_thread_runtime();
    runtime.block_on(async {
        let asleep = Arc::new(AtomicUsize::new(0));
        let before = resident_bytes();
        let started = Instant::now();
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..n {
            let asleep = Arc::clone(&asleep);
            tasks.spawn(async move {
                // Relaxed is enough: the count is only read to know when to measure, and
                // every task runs on this one thread anyway.
                asleep.fetch_add(1, Ordering::Relaxed);
                tokio::time::sleep(nap).await; // a few hundred bytes of state, no stack
            });
        }
        // Let the runtime poll every task once (each then sleeps), then measure.
        while asleep.load(Ordering::Relaxed) < n {
            tokio::task::yield_now().await;
        }
        let during = resident_bytes();
        while let Some(done) = tasks.join_next().await {
            done.expect("a sleeping task panicked");
        }
        Scale {
            started: n,
            elapsed: started.elapsed(),
            kb_each: per_each(before, during, n),
        }
    })
}
// ANCHOR_END: tasks

// ANCHOR: threads
/// Starts `n` OS threads, each sleeping `nap`, and joins them all. Each has its own stack
/// (2 MiB reserved by default; only the pages it touches count as resident).
pub fn sleeping_threads(n: usize, nap: Duration) -> Scale {
    let asleep = Arc::new(AtomicUsize::new(0));
    let before = resident_bytes();
    let started = Instant::now();
    let mut threads = Vec::with_capacity(n);
    for _ in 0..n {
        let asleep = Arc::clone(&asleep);
        let spawned = thread::Builder::new().spawn(move || {
            asleep.fetch_add(1, Ordering::Relaxed);
            thread::sleep(nap);
        });
        match spawned {
            Ok(handle) => threads.push(handle),
            Err(_) => break, // the OS refused (a thread limit): report how many started
        }
    }
    let count = threads.len();
    while asleep.load(Ordering::Relaxed) < count {
        thread::sleep(Duration::from_millis(1));
    }
    let during = resident_bytes();
    for handle in threads {
        handle.join().expect("a sleeping thread panicked");
    }
    Scale {
        started: count,
        elapsed: started.elapsed(),
        kb_each: per_each(before, during, count),
    }
}
// ANCHOR_END: threads

/// Python's asyncio doing the same (`python/asyncio_tasks.py`), killed after `limit`.
pub fn python_asyncio(n: usize, nap: Duration, limit: Duration) -> Result<Scale, PythonError> {
    let args = [n.to_string(), nap.as_secs_f64().to_string()];
    let script = python::script(env!("CARGO_MANIFEST_DIR"), "asyncio_tasks.py");
    let report = python::run(&script, &args, limit)?;
    Ok(Scale {
        started: report["tasks"].as_u64().unwrap_or(0) as usize,
        elapsed: python::seconds(&report, "seconds").unwrap_or_default(),
        kb_each: report["kb_each"].as_f64(),
    })
}

/// The scale test as the demonstration runs it: tokio tasks against std threads (and Python's
/// asyncio, where `python3` is installed), each sleeping `nap`.
#[derive(Debug, Clone)]
pub struct ScaleTest {
    /// How long each task or thread sleeps.
    pub nap: Duration,
    /// `n` tokio tasks on one thread.
    pub tasks: Scale,
    /// A tenth as many std threads (they cost more).
    pub threads: Scale,
    /// As many asyncio tasks as tokio tasks, or why they did not run.
    pub python: Result<Scale, PythonError>,
}

impl ScaleTest {
    /// 100,000 tasks and 10,000 threads sleeping 1 s; 1,000 and 100 sleeping 20 ms if `quick`.
    pub fn run(quick: bool) -> ScaleTest {
        let (tasks, threads, nap) = match quick {
            true => (1_000, 100, Duration::from_millis(20)),
            false => (100_000, 10_000, Duration::from_secs(1)),
        };
        let limit = Duration::from_secs(if quick { 30 } else { 60 });
        ScaleTest {
            nap,
            tasks: sleeping_tasks(tasks, nap),
            threads: sleeping_threads(threads, nap),
            python: python_asyncio(tasks, nap, limit),
        }
    }

    /// Adds a row per run to the lesson's table and JSON report, and says what each cost.
    pub fn report(&self, lesson: &mut Lesson) {
        let mut lines = vec![format!(
            "\nScale: each task or thread sleeps {}.",
            format_duration(self.nap)
        )];
        let mut rows = vec![("tokio tasks", self.tasks), ("std threads", self.threads)];
        match &self.python {
            Ok(run) => rows.push(("python asyncio tasks", *run)),
            Err(error) => lines.push(format!("python asyncio: not run, {error}.")),
        }
        for (name, run) in &rows {
            lines.push(report(lesson, name, run, self.nap));
        }
        lines.iter().for_each(|line| lesson.say(line));
    }

    /// The headline: what one more thread costs against one more task, beyond the sleep.
    pub fn headline(&self, lesson: &mut Lesson) {
        let each = |run: &Scale| run.elapsed.saturating_sub(self.nap) / run.started.max(1) as u32;
        let (task, thread) = (each(&self.tasks), each(&self.threads));
        let time = thread.as_secs_f64() / task.as_secs_f64().max(1e-12);
        lesson.derive("thread_to_task_time", time);
        let kb_task = self.tasks.kb_each.unwrap_or(0.0);
        let kb_thread = self.threads.kb_each.unwrap_or(0.0);
        let memory = kb_thread / kb_task.max(0.001);
        lesson.derive("thread_to_task_memory", memory);
        lesson.say(format!(
            "Headline: beyond the sleep, each thread cost {} and {kb_thread:.2} kB, each tokio \
             task {} and {kb_task:.2} kB: {time:.0}x the time and {memory:.0}x the memory.",
            format_duration(thread),
            format_duration(task),
        ));
    }
}

/// Adds a scale run to the lesson's table and JSON report, and returns its line for the text
/// report: `100,000 tokio tasks: 1.07 s in all (1.07x one sleep), 0.44 kB each.`
fn report(lesson: &mut Lesson, name: &str, run: &Scale, nap: Duration) -> String {
    let key = name.replace(' ', "_");
    lesson.derive(&format!("{key}_started"), run.started);
    lesson.derive(&format!("{key}_seconds"), run.elapsed.as_secs_f64());
    let over = ratio_to_ideal(run.elapsed, nap);
    let mut measurement = Measurement::new(name, run.elapsed)
        .key(&key)
        .with("count", run.started)
        .with("ratio_to_ideal", over);
    if let Some(kb_each) = run.kb_each {
        lesson.derive(&format!("{key}_kb_each"), kb_each);
        measurement = measurement.with("kb_each", kb_each);
    }
    lesson.measure(measurement);
    let kb = run
        .kb_each
        .map_or("an unknown amount of memory".to_owned(), |kb| {
            format!("{kb:.2} kB")
        });
    format!(
        "{} {name}: {} in all ({over:.2}x one sleep), {kb} each.",
        thousands(run.started as u64),
        format_duration(run.elapsed)
    )
}
