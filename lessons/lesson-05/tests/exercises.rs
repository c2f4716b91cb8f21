//! Checks for lesson 05's exercises: `cargo test -p lesson-05`.
//!
//! Each check wants the right results *and* the concurrency done right, read from what the
//! run recorded rather than from the clock: the moments the generator made its jobs against
//! the moments the workers finished them (is the queue really bounded?), the workers' spans
//! (are they all working at once?), what a worker did after a cancel, and the CPU time a
//! waiting worker burned. Everything runs under a limit of a few seconds, so an answer that
//! hangs fails with the exercise's name and what was still waiting.

use std::panic;
use std::sync::mpsc as std_mpsc;
use std::thread;
use std::time::Duration;

use crossbeam::channel::{self, Receiver, Sender};
use instruments::busy;
use instruments::check::{all_at_once, expect_at_once, within_waiting};
use instruments::summary::distinct_threads;
use instruments::{Recorder, Span};
use lesson_05::exercises::{pipeline, work_until_cancelled};
use lesson_05::{Done, Job};

const PIPELINE: &str = "exercise 5.1 `pipeline` (lessons/lesson-05/src/exercises/pipeline.rs)";
const CANCEL: &str = "exercise 5.2 `work_until_cancelled` \
                      (lessons/lesson-05/src/exercises/work_until_cancelled.rs)";
/// A right answer takes well under a second, even on a busy machine. A hung one is judged
/// after this, so that its verdict comes within 10 s even when several of its checks hang.
const LIMIT: Duration = Duration::from_secs(3);

/// Jobs made one at a time, like a Python generator: each job is made when it is taken, and
/// that moment is recorded (a "made" mark on the "generator" row), so the check can see how far
/// the generator ran ahead of the workers.
fn generator(
    count: u64,
    latency: impl Fn(u64) -> Duration + Send + 'static,
    recorder: &Recorder,
) -> impl Iterator<Item = Job> + Send + 'static {
    let recorder = recorder.clone();
    (1..=count).map(move |id| {
        recorder.record("generator", "made", || ());
        Job {
            id,
            latency: latency(id),
        }
    })
}

/// What a pipeline that ran out of time was waiting for, from what it recorded.
fn pipeline_waiting(recorder: &Recorder, count: u64, capacity: usize) -> String {
    let made = recorder.spans_labelled("made").len();
    let done = recorder.spans_labelled("work").len();
    let closing = "A `for` loop over a receiver ends only when every `Sender<Done>` is dropped: \
                   each worker's clone (a worker ends once the job channel closes, when the \
                   generator drops its sender) and the function's own copy. Drop your copies \
                   after spawning the workers.";
    let reading = if made as u64 == count && done as u64 == count && count as usize <= capacity {
        format!(
            "Every job was done, so the collector was still waiting on the result channel. \
             {closing}"
        )
    } else if made as u64 == count && done as u64 == count {
        format!(
            "Every job was done, yet `pipeline` did not return. Either the collector was still \
             waiting on the result channel: {closing} Or it was not collecting yet, and the \
             workers are stuck sending into the full result channel (capacity {capacity}) that \
             nobody reads yet: collect while the workers work, not after joining them."
        )
    } else if done == 0 {
        format!(
            "No job was finished: nothing took jobs from the job channel (capacity {capacity}), \
             so the generator is stuck sending into a full channel. Spawn the workers before \
             waiting for the generator, and send the jobs from the generator's own thread."
        )
    } else {
        format!(
            "The work stopped part-way: the workers are blocked sending results into the full \
             result channel (capacity {capacity}) that nobody reads yet. The calling thread must \
             collect the results while the workers work, not after joining them."
        )
    };
    format!(
        "When the time ran out, the generator had made {made} of {count} jobs and the workers \
         had finished {done}. {reading}"
    )
}

/// Runs the learner's pipeline on `count` generated jobs, under the time limit.
fn run_pipeline(
    count: u64,
    workers: usize,
    capacity: usize,
    latency: impl Fn(u64) -> Duration + Send + 'static,
) -> (Vec<Done>, Recorder) {
    let recorder = Recorder::new();
    let jobs = generator(count, latency, &recorder);
    let inside = recorder.clone();
    let done = within_waiting(
        PIPELINE,
        LIMIT,
        || pipeline_waiting(&recorder, count, capacity),
        move || pipeline(jobs, workers, capacity, &inside),
    );
    (done, recorder)
}

fn ids(done: &[Done]) -> Vec<u64> {
    done.iter().map(|d| d.id).collect()
}

/// Fails unless `done` holds the result of every job `1..=count` exactly once, sorted by id.
#[track_caller]
fn expect_each_result_once(exercise: &str, setup: &str, done: &[Done], count: u64) {
    let mut sorted = done.to_vec();
    sorted.sort();
    let got = ids(&sorted);
    let missing: Vec<u64> = (1..=count).filter(|id| !got.contains(id)).collect();
    let repeated: Vec<u64> = got
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| w[0])
        .collect();
    assert!(
        missing.is_empty() && repeated.is_empty(),
        "\n{exercise} {setup}: expected the results of jobs 1..={count}, each exactly once; got \
         {} results, missing jobs {missing:?}, repeated jobs {repeated:?}. Does every job go \
         into the job channel once, and every result into the result channel once?\n",
        done.len()
    );
    let wrong: Vec<&Done> = sorted.iter().filter(|d| d.answer != d.id * d.id).collect();
    assert!(
        wrong.is_empty(),
        "\n{exercise} {setup}: every job is there once, but some answers are wrong: {wrong:?}. \
         Send each job's own `process` result.\n"
    );
}

/// The moments the spans ended, sorted.
fn ends(spans: &[Span]) -> Vec<Duration> {
    let mut ends: Vec<Duration> = spans.iter().map(|s| s.end).collect();
    ends.sort();
    ends
}

#[test]
fn exercise_5_1_pipeline_returns_every_result_once_sorted_by_id() {
    // (jobs, workers, capacity, latency of job n): no jobs at all; more workers than jobs; one
    // worker; uneven jobs, so the results arrive out of order and must be put back in order.
    type Latency = fn(u64) -> Duration;
    let runs: [(u64, usize, usize, Latency); 5] = [
        (0, 3, 2, |_| Duration::from_millis(1)),
        (1, 4, 1, |_| Duration::from_millis(1)),
        (9, 1, 1, |_| Duration::from_millis(4)),
        (12, 3, 2, |n| Duration::from_millis(3 * (13 - n))),
        (20, 5, 3, |n| Duration::from_millis(2 + 5 * (n % 4))),
    ];
    // The runs sleep, so they run at once: the check takes as long as its longest run.
    let outcomes = all_at_once(runs.map(|(count, workers, capacity, latency)| {
        move || run_pipeline(count, workers, capacity, latency)
    }));
    for ((count, workers, capacity, _), (done, recorder)) in runs.into_iter().zip(outcomes) {
        let setup = format!("with {count} jobs, {workers} workers and capacity {capacity}");
        expect_each_result_once(PIPELINE, &setup, &done, count);
        let order = ids(&done);
        assert!(
            order.is_sorted(),
            "\n{PIPELINE} {setup}: every result came back, but in the order {order:?}. They \
             arrive in the order the workers finish them; return them sorted by job id \
             (`sort_by_key(|done| done.id)` after collecting).\n"
        );
        let spans = recorder.spans_labelled("work");
        let threads = distinct_threads(&spans);
        assert!(
            threads <= workers,
            "\n{PIPELINE} {setup}: the jobs were done on {threads} threads, but `workers` is \
             {workers}. Spawn exactly `workers` worker threads: the count is the parameter, not \
             a number of your own.\n"
        );
    }
}

#[test]
fn exercise_5_1_pipeline_runs_every_worker_at_once() {
    // 9 jobs of 30 ms on 3 workers: three rounds in which all three should be working.
    let (done, recorder) = run_pipeline(9, 3, 2, |_| Duration::from_millis(30));
    expect_each_result_once(PIPELINE, "with 9 jobs, 3 workers", &done, 9);
    let spans = recorder.spans_labelled("work");
    expect_at_once(
        PIPELINE,
        &spans,
        3,
        "With 3 workers, all 3 should be working at the same time. Spawn every worker thread \
         before collecting (not one after another, not joined one by one), give each its own \
         clone of the job receiver, and keep no lock while a job is processed.",
    );
    let threads = distinct_threads(&spans);
    assert!(
        threads == 3,
        "\n{PIPELINE}: with `workers` = 3 the jobs were done on {threads} threads. Spawn \
         exactly `workers` worker threads: the count is the parameter, not a number of your \
         own.\n"
    );
}

#[test]
fn exercise_5_1_pipeline_holds_the_generator_back() {
    // Slow workers, a fast generator: with a bounded job channel the generator can get only
    // `capacity` jobs (waiting in the channel) + one per worker (in its hands) + one (in its
    // own, blocked on `send`) ahead of the finished work, and a full channel does stop it there.
    // More jobs than the generator may get ahead (4, then 8), so a channel that does not hold
    // it back shows; the two runs sleep, so they run at once.
    let runs = [(10, 2, 1), (12, 2, 5)];
    let outcomes = all_at_once(runs.map(|(count, workers, capacity)| {
        move || run_pipeline(count, workers, capacity, |_| Duration::from_millis(15))
    }));
    for ((count, workers, capacity), (done, recorder)) in runs.into_iter().zip(outcomes) {
        let setup = format!("with {count} jobs, {workers} workers and capacity {capacity}");
        expect_each_result_once(PIPELINE, &setup, &done, count);
        let made = recorder.spans_labelled("made");
        let finished = ends(&recorder.spans_labelled("work"));
        // For each job made: how many jobs had been made, minus how many were finished then.
        let (ahead, at_job, finished_then) = made
            .iter()
            .enumerate()
            .map(|(index, mark)| {
                let finished_then = finished.iter().filter(|&&end| end <= mark.start).count();
                (
                    index + 1 - finished_then.min(index + 1),
                    index + 1,
                    finished_then,
                )
            })
            .max()
            .unwrap_or_default();
        let most = capacity + workers + 1;
        assert!(
            ahead <= most,
            "\n{PIPELINE} {setup}: the generator ran ahead: it had made {at_job} jobs when the \
             workers had finished {finished_then}, {ahead} ahead of the work. A job channel of \
             capacity {capacity} lets it get at most {most} ahead ({capacity} waiting in the \
             channel, one in each worker's hands, one in the generator's). Make the job channel \
             with `channel::bounded(capacity)` (not `unbounded`, not a number of your own), and \
             take each job from `jobs` only when you are about to send it (a `for` loop over \
             `jobs` in the generator's thread, not collecting them first).\n"
        );
        assert!(
            ahead > capacity,
            "\n{PIPELINE} {setup}: the generator never got more than {ahead} jobs ahead of the \
             finished work, yet a job channel of capacity {capacity} holds {capacity} waiting \
             jobs on top of the ones in the workers' hands. Is the job channel bounded by \
             `capacity`, and not by a number of your own?\n"
        );
    }
}

#[test]
fn exercise_5_1_pipeline_uses_bounded_channels_only() {
    let (done, _) = run_pipeline(3, 2, 1, |_| Duration::from_millis(1));
    expect_each_result_once(PIPELINE, "with 3 jobs", &done, 3);
    // The result channel cannot be watched from outside (the collector is your code, and it
    // keeps up), so this check reads the exercise's source, without its comments.
    #[cfg(not(feature = "solutions"))]
    let source = include_str!("../src/exercises/pipeline.rs");
    #[cfg(feature = "solutions")]
    let source = include_str!("../src/solutions/pipeline.rs");
    let code: String = source
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        !code.contains("unbounded"),
        "\n{PIPELINE}: the code calls `unbounded`. Both channels must be \
         `channel::bounded(capacity)`: an unbounded job channel lets the generator run ahead \
         of the workers without limit, and an unbounded result channel lets the workers run \
         ahead of the collector.\n"
    );
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Cancel {
    /// A message on the cancel channel.
    Message,
    /// Every cancel sender dropped.
    Drop,
}

impl Cancel {
    fn said(self) -> &'static str {
        match self {
            Cancel::Message => "a cancel message was sent",
            Cancel::Drop => {
                "every cancel sender was dropped (that is a cancel too: `try_recv` gives \
                 `Err(Disconnected)`, `recv` gives `Err`)"
            }
        }
    }
}

/// The learner's worker, named "worker".
fn work(jobs: &Receiver<Job>, cancel: &Receiver<()>, results: &Sender<Done>, recorder: &Recorder) {
    work_until_cancelled("worker", jobs, cancel, results, recorder);
}

/// A worker does two jobs, then waits on an empty job queue that stays open; after `idle` the
/// cancel fires. It must return promptly, without having spun while it waited.
fn cancel_while_idle(how: Cancel, idle: Duration) {
    let recorder = Recorder::new();
    let (job_sender, job_receiver) = channel::unbounded();
    for job in lesson_05::jobs(2, Duration::from_millis(5)) {
        job_sender.send(job).unwrap();
    }
    let (cancel_sender, cancel_receiver) = channel::bounded::<()>(1);
    let (result_sender, result_receiver) = channel::unbounded();
    let (returned, worker_returned) = std_mpsc::channel();
    let inside = recorder.clone();
    let (tid_sender, tid) = std_mpsc::channel();
    thread::spawn(move || {
        let _ = tid_sender.send(busy::current_tid());
        work(&job_receiver, &cancel_receiver, &result_sender, &inside);
        let _ = returned.send(());
    });
    let tid = tid.recv().ok().flatten();
    for n in 1..=2 {
        assert!(
            result_receiver.recv_timeout(Duration::from_secs(1)).is_ok(),
            "\n{CANCEL}: 2 jobs were queued and no cancel sent, but the worker delivered only \
             {} result(s) within a second: it should do each job and send its result straight \
             away.\n",
            n - 1
        );
    }
    // Now the queue is empty but open: the worker is waiting for a job or the cancel. The
    // kernel counts how long its thread was runnable meanwhile (on a core, or queued for one:
    // the same on a busy machine as on an idle one), from a moment after its last result, so
    // that sending it is not counted.
    thread::sleep(SETTLE);
    let before = tid.and_then(busy::counts_of);
    thread::sleep(idle);
    let after = tid.and_then(busy::counts_of);
    let used = before
        .zip(after)
        .map(|(b, a)| a.runnable.saturating_sub(b.runnable));
    match how {
        Cancel::Message => cancel_sender.send(()).unwrap(),
        Cancel::Drop => drop(cancel_sender),
    }
    if worker_returned
        .recv_timeout(Duration::from_secs(1))
        .is_err()
    {
        // Release it, to tell a worker blocked on `jobs.recv()` from one that ignores
        // the cancel altogether.
        drop(job_sender);
        let after_close = worker_returned.recv_timeout(Duration::from_secs(1)).is_ok();
        let reading = match (how, after_close) {
            (Cancel::Message, true) => {
                "; it returned only when the job channel was closed. It cannot see the \
                 cancel while blocked in `jobs.recv()`: wait on both channels at once with \
                 `select! { recv(cancel) -> _ => ..., recv(jobs) -> message => ... }`."
            }
            (Cancel::Drop, true) => {
                "; it returned only when the job channel was closed. It does not take a \
                 disconnected cancel channel for a cancel: stop unless `cancel.try_recv()` \
                 says `Err(TryRecvError::Empty)`, and return from `select!`'s \
                 `recv(cancel)` branch whatever it received, `Ok` or `Err`."
            }
            (_, false) => {
                ", not even once the job channel was closed. Does it return when `recv` on \
                 the job channel fails?"
            }
        };
        panic!(
            "\n{CANCEL}: the worker waited for a job on an empty, open queue; then {}. A \
             second later it still had not returned{reading}\n",
            how.said(),
        );
    }
    if let Some(used) = used {
        assert!(
            used < idle / 4,
            "\n{CANCEL}: while it waited {idle:?} for a job or the cancel, the worker's thread \
             was runnable (on a core, or queued for one) for {used:?}: it was spinning (a loop \
             of `try_recv`, or `select!` with a `default` branch) instead of sleeping until a \
             message comes. Block in `select!` on both channels (or `recv_timeout`), so that \
             waiting costs nothing.\n"
        );
    }
}

/// How long after its last result the worker's waiting is measured from: time to go back to
/// waiting, even when a busy machine makes it queue for a core first.
const SETTLE: Duration = Duration::from_millis(30);

#[test]
fn exercise_5_2_worker_sees_the_cancel_while_waiting_for_a_job() {
    within_waiting(
        CANCEL,
        LIMIT,
        || "The worker was still running a scenario in which it waits on an empty queue.".into(),
        || {
            // A spinning worker is runnable the whole idle time (on a core, or queued for one,
            // however busy the machine), a blocked one next to none: the kernel counts it in ns.
            all_at_once(
                [(Cancel::Message, 80), (Cancel::Drop, 60)]
                    .map(|(how, idle)| move || cancel_while_idle(how, Duration::from_millis(idle))),
            );
        },
    );
}

#[test]
fn exercise_5_2_worker_starts_no_job_once_cancelled() {
    // A cancel that has already fired, with jobs queued: no job may be started or taken. Many
    // tries, because `select!` on two ready channels picks one at random.
    let tries = 16;
    let (started, taken) = within_waiting(
        CANCEL,
        LIMIT,
        || {
            "The worker did not return although the cancel had fired before it started, and \
             the job channel was closed after 3 jobs."
                .into()
        },
        move || {
            let (mut started, mut taken) = (0, 0);
            for attempt in 0..tries {
                let recorder = Recorder::new();
                let (job_sender, job_receiver) = channel::unbounded();
                for job in lesson_05::jobs(3, Duration::ZERO) {
                    job_sender.send(job).unwrap();
                }
                drop(job_sender);
                let (cancel_sender, cancel_receiver) = channel::bounded::<()>(1);
                if attempt % 2 == 0 {
                    cancel_sender.send(()).unwrap();
                } else {
                    drop(cancel_sender);
                }
                let (result_sender, _results) = channel::unbounded();
                work(&job_receiver, &cancel_receiver, &result_sender, &recorder);
                let done = recorder.spans_labelled("work").len();
                started += usize::from(done > 0);
                taken += usize::from(3 - job_receiver.len() > done);
            }
            (started, taken)
        },
    );
    assert!(
        started == 0,
        "\n{CANCEL}: the cancel had fired before the worker started, with 3 jobs queued, yet it \
         started jobs in {started} of {tries} tries. When both channels are ready, `select!` \
         picks one at random: look at the cancel on its own, `cancel.try_recv()`, before each \
         job, and stop unless it says `Err(TryRecvError::Empty)`.\n"
    );
    assert!(
        taken == 0,
        "\n{CANCEL}: after the cancel the worker did no job, but in {taken} of {tries} tries it \
         took one from the queue and dropped it: that job is lost (nobody else can do it now). \
         Check the cancel before taking a job, not after.\n"
    );
}

#[test]
fn exercise_5_2_worker_works_until_cancelled_and_keeps_the_job_in_progress() {
    let job = Duration::from_millis(20);
    let queued = 30;
    let recorder = Recorder::new();
    let inside = recorder.clone();
    let (delivered, left, cancelled_at) = within_waiting(
        CANCEL,
        LIMIT,
        || {
            "The worker did not return after the cancel (30 jobs were queued and the job \
             channel closed): is the cancel checked before each job?"
                .into()
        },
        move || {
            let recorder = inside;
            let (job_sender, job_receiver) = channel::unbounded();
            for job in lesson_05::jobs(queued, job) {
                job_sender.send(job).unwrap();
            }
            drop(job_sender);
            let (cancel_sender, cancel_receiver) = channel::bounded(1);
            let (result_sender, result_receiver) = channel::unbounded();
            let (worker, jobs) = {
                let recorder = recorder.clone();
                let jobs = job_receiver.clone();
                let worker = thread::spawn(move || {
                    work(&job_receiver, &cancel_receiver, &result_sender, &recorder);
                });
                (worker, jobs)
            };
            // Three and a half jobs in: the cancel comes while a job is in progress.
            thread::sleep(job * 7 / 2);
            let cancelled_at = recorder.now();
            let _ = cancel_sender.send(()); // fails only if the worker has gone; join says why
            if let Err(panic) = worker.join() {
                panic::resume_unwind(panic); // the worker's own message is the one to read
            }
            let delivered: Vec<Done> = result_receiver.try_iter().collect();
            (delivered, jobs.len(), cancelled_at)
        },
    );
    let spans = recorder.spans_labelled("work");
    let finished = spans.len();
    let stopped = spans.iter().map(|s| s.end).max().unwrap_or_default();
    assert!(
        finished >= 1 && stopped + 3 * job >= cancelled_at,
        "\n{CANCEL}: with {queued} jobs queued, the worker finished {finished}, the last at \
         {stopped:?}, well before the cancel at {cancelled_at:?}: it should keep working until \
         cancelled.\n"
    );
    let late = spans.iter().filter(|s| s.start >= cancelled_at).count();
    assert!(
        late <= 1,
        "\n{CANCEL}: cancelled at {cancelled_at:?}, yet {late} jobs started after the cancel \
         (the last ended at {stopped:?}). Finish the job in progress, then stop: check the \
         cancel channel before starting each job, as `select!` picks at random when both \
         channels are ready.\n"
    );
    assert!(
        delivered.len() == finished,
        "\n{CANCEL}: the worker finished {finished} jobs but delivered {} results: the job in \
         progress when the cancel came lost its result. A finished job's result must be sent, \
         even if the cancel came while it was working; check the cancel before the next job, \
         not between `process` and `send`.\n",
        delivered.len()
    );
    let taken = queued as usize - left;
    assert!(
        taken == finished,
        "\n{CANCEL}: the worker took {taken} jobs from the queue but did only {finished}: a job \
         taken and not done is lost. Check the cancel before taking a job, not after.\n"
    );
    expect_each_result_once(CANCEL, "after the cancel", &delivered, finished as u64);
}

#[test]
fn exercise_5_2_worker_ends_when_the_jobs_run_out() {
    let delivered = within_waiting(
        CANCEL,
        LIMIT,
        || {
            "The worker did not return after its 8 jobs ran out (every job sender dropped, the \
             queue empty) while the cancel channel stayed open. `Err` from `recv(jobs)` means \
             no job will ever come: return."
                .into()
        },
        || {
            let recorder = Recorder::new();
            let (job_sender, job_receiver) = channel::unbounded();
            for job in lesson_05::jobs(8, Duration::from_millis(2)) {
                job_sender.send(job).unwrap();
            }
            drop(job_sender); // 8 jobs, and then no more
            // The cancel sender stays alive: the worker must end because the jobs ran out.
            let (_cancel_sender, cancel_receiver) = channel::bounded::<()>(1);
            let (result_sender, result_receiver) = channel::unbounded();
            work(&job_receiver, &cancel_receiver, &result_sender, &recorder);
            result_receiver.try_iter().collect::<Vec<Done>>()
        },
    );
    expect_each_result_once(CANCEL, "with 8 jobs and no cancel", &delivered, 8);
}
