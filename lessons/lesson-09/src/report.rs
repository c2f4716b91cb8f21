//! The lesson's sizes and its verdicts, computed from what it measured (typed values, never
//! read back out of the JSON report).

use std::time::Duration;

use instruments::Lesson;
use instruments::compare::{Columns, Compared, Outcome};
use instruments::process::WorkerCommand;
use serde_json::Value;

use crate::{
    Answer, abort_in_thread, abort_in_worker, micros_each, python_worker, separate_memory,
};

/// How much of everything: full sizes, or `--quick`'s.
#[derive(Debug, Clone, Copy)]
pub struct Counts {
    pub threads: usize,
    pub processes: usize,
    pub round_trips: u64,
    pub increments: u64,
    pub cpu_jobs: usize,
    pub cpu_job: Duration,
    /// The terms of the job the Python worker and the Rust worker both do.
    pub python_terms: u64,
}

impl Counts {
    pub fn new(quick: bool) -> Counts {
        Counts {
            threads: if quick { 50 } else { 500 },
            processes: if quick { 5 } else { 50 },
            round_trips: if quick { 200 } else { 5_000 },
            increments: 1_000,
            cpu_jobs: 8,
            cpu_job: Duration::from_millis(if quick { 3 } else { 50 }),
            python_terms: if quick { 100_000 } else { 1_000_000 },
        }
    }

    /// A row's name, by its key, with its count: "500 threads, spawn + join".
    pub fn name(&self, key: &str) -> String {
        let what = match key {
            "thread_spawn_join" => "threads, spawn + join",
            "process_spawn_wait" => "processes, spawn + wait",
            "channel_round_trips" => "round trips, channel",
            _ => "round trips, pipe",
        };
        format!("{} {what}", instruments::runs::thousands(self.count(key)))
    }

    /// The CPU table's columns: the speedup over one thread, and from the spans, the threads
    /// used and the most jobs at once.
    pub fn cpu_columns(&self) -> Columns<'static> {
        Columns {
            speedup_over: Some("sequential"),
            spans: true,
            ..Columns::default()
        }
    }

    fn count(&self, key: &str) -> u64 {
        match key {
            "thread_spawn_join" => self.threads as u64,
            "process_spawn_wait" => self.processes as u64,
            _ => self.round_trips,
        }
    }

    /// One spawn, or one round trip, in microseconds: the run's span (which leaves out
    /// starting the pipe's worker) over the count.
    pub fn each<T>(&self, outcome: &Outcome<T>) -> f64 {
        let timed = outcome.spans.iter().map(|s| s.duration()).sum();
        micros_each(timed, self.count(outcome.key))
    }

    /// The table's `each_us` column.
    pub fn each_column<T>(&self, outcome: &Outcome<T>) -> Vec<(&'static str, Value)> {
        vec![("each_us", self.each(outcome).into())]
    }
}

/// Starting a process against a thread; a pipe against a channel.
pub fn costs(lesson: &mut Lesson, start: &Compared<()>, n: &Counts) {
    let each = |key: &str| n.each(start.get(key));
    let (thread, process) = (each("thread_spawn_join"), each("process_spawn_wait"));
    let (channel, pipe) = (each("channel_round_trips"), each("pipe_round_trips"));
    let pairs = [
        ("thread_spawn_us", thread),
        ("process_spawn_us", process),
        ("process_over_thread_spawn", process / thread),
        ("channel_round_trip_us", channel),
        ("pipe_round_trip_us", pipe),
        ("pipe_over_channel", pipe / channel),
    ];
    for (key, value) in pairs {
        lesson.derive(key, value);
    }
    lesson.say(format!(
        "Starting (the least disturbed of 5 runs each): a thread {thread:.0} µs (spawn + join), a process {process:.0} µs (spawn + \
         wait): {:.1}x a thread's time.",
        process / thread
    ));
    lesson.say(format!(
        "A round trip: through a channel {channel:.1} µs, through a pipe (JSON lines to a \
         worker process) {pipe:.1} µs: {:.1}x the channel's time.\n",
        pipe / channel
    ));
}

/// Separate memory: the child's counter is not the parent's.
pub fn memory(lesson: &mut Lesson, command: &WorkerCommand, times: u64) {
    let seen = separate_memory(command, times);
    lesson.derive("counter_in_child", seen.in_child);
    lesson.derive("counter_in_parent_after_child", seen.in_parent_after_child);
    lesson.derive(
        "counter_in_parent_after_thread",
        seen.in_parent_after_thread,
    );
    let verdict = match seen.in_parent_after_child {
        0 => "separate memory: the child counted in its own copy",
        _ => "the parent saw the child's counting: not separate memory?",
    };
    lesson.say(format!(
        "A static COUNTER: a child process added {times} (its counter: {}); here it is still \
         {}: {verdict}. A thread of this process added {times}: here it is {}.",
        seen.in_child, seen.in_parent_after_child, seen.in_parent_after_thread
    ));
}

/// Crash isolation: an abort in a worker process, then in a thread (in a child).
pub fn crashes(lesson: &mut Lesson, command: &WorkerCommand) {
    let (error, answer) = abort_in_worker(command);
    lesson.derive("worker_abort", error.to_string());
    lesson.derive("answered_after_worker_abort", answer.job == 1);
    lesson.say(format!(
        "An abort in a worker process: {error}; this process went on, and a new worker \
         (process {}) answered the next job.",
        answer.pid
    ));
    let thread = abort_in_thread(command);
    lesson.derive("thread_abort", thread.death.to_string());
    lesson.derive("thread_abort_main_went_on", thread.main_went_on);
    let main = match thread.main_went_on {
        true => "its main thread went on after join",
        false => "its main thread never printed its line after join",
    };
    lesson.say(format!(
        "An abort in a thread (in a child process, so this one survives): the whole process \
         {}; {main}.\n",
        thread.death
    ));
}

/// The CPU job: rayon's threads and a process pool, against one thread.
pub fn cpu(lesson: &mut Lesson, cpu: &Compared<Vec<u64>>, n: &Counts) {
    let rayon = cpu.speedup("sequential", "rayon");
    let pool = cpu.speedup("sequential", "process_pool");
    let same = cpu.get("rayon").value == cpu.get("sequential").value
        && cpu.get("process_pool").value == cpu.get("sequential").value;
    lesson.derive("rayon_speedup", rayon);
    lesson.derive("process_pool_speedup", pool);
    lesson.derive("rayon_over_process_pool", rayon / pool);
    lesson.derive("same_sums", same);
    let run = cpu.get("process_pool");
    let processes = run.summary.tasks;
    lesson.derive("process_pool_processes", processes);
    // The first job's span opens once its worker has started and been sent the job.
    let first = run.spans.iter().map(|s| s.start).min().unwrap_or_default();
    lesson.derive("process_pool_first_job_ms", first.as_secs_f64() * 1e3);
    let cores = lesson.cores();
    let faster = match rayon >= pool {
        true => "rayon",
        false => "the pool",
    };
    // Other programs running at the same time take cores from both pools: say how busy.
    let load = std::fs::read_to_string("/proc/loadavg").ok();
    let load = load.and_then(|l| l.split_whitespace().next()?.parse::<f64>().ok());
    let busy = match load {
        Some(load) if load > cores as f64 => {
            lesson.derive("load_average", load);
            format!(
                " The machine was busy (load average {load:.1} on {cores} cores): other \
                     programs took turns on the cores, so both speedups are lower than they \
                     would be on a quiet machine."
            )
        }
        Some(load) => {
            lesson.derive("load_average", load);
            String::new()
        }
        None => String::new(),
    };
    lesson.say(format!(
        "{} CPU jobs of {} ms on {cores} cores, against one thread (best of 3 each): rayon \
         {rayon:.2}x, {processes} worker processes {pool:.2}x, their first job sent after \
         {:.1} ms (starting the processes); {faster} was faster. The same sums: {same}.{busy}",
        n.cpu_jobs,
        n.cpu_job.as_millis(),
        first.as_secs_f64() * 1e3,
    ));
}

/// Another program as a worker: the same job in Python and in Rust, through the same pipes.
pub fn other_program(lesson: &mut Lesson, command: &WorkerCommand, terms: u64) {
    let ms = |a: &Answer| a.ended_us.saturating_sub(a.started_us) as f64 / 1e3;
    match python_worker(command, terms) {
        Ok((python, rust)) => {
            let (p, r, same) = (ms(&python), ms(&rust), python.value == rust.value);
            lesson.derive("python_worker_ms", p);
            lesson.derive("rust_worker_ms", r);
            lesson.derive("python_worker_same_value", same);
            lesson.say(format!(
                "Another program as a worker: python/worker.py, the same JSON lines. The sum \
                 of {} squares took {p:.1} ms in Python (process {}), {r:.2} ms in the Rust \
                 worker (process {}): {:.0}x; the same value: {same}.\n",
                instruments::runs::thousands(terms),
                python.pid,
                rust.pid,
                p / r.max(1e-3)
            ));
        }
        Err(error) => {
            lesson.derive("python_worker", error.to_string());
            lesson.say(format!("A Python worker could not be asked: {error}.\n"));
        }
    }
}
