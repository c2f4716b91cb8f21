//! Checks for lesson 05's exercises: `cargo test -p lesson-05`.
//!
//! Each check wants the right results (every one, exactly once), the work done the concurrent
//! way (read from the recorded spans, not from the clock), and the code to end by itself:
//! everything runs inside `within`, so a pipeline that waits forever for a sender nobody
//! dropped fails with the exercise's name instead of hanging.

use std::thread;
use std::time::Duration;

use crossbeam::channel;
use instruments::check::{expect_at_once, within};
use instruments::{Recorder, Span};
use lesson_05::exercises::{pipeline, work_until_cancelled};
use lesson_05::{Done, jobs};

const PIPELINE: &str = "exercise 5.1 `pipeline` (lessons/lesson-05/src/exercises.rs)";
const CANCEL: &str = "exercise 5.2 `work_until_cancelled` (lessons/lesson-05/src/exercises.rs)";
/// Far longer than any right answer takes, even on a busy machine.
const LIMIT: Duration = Duration::from_secs(60);

/// The results `count` jobs must give, sorted: job n's answer is n * n.
fn expected(count: u64) -> Vec<Done> {
    (1..=count)
        .map(|id| Done {
            id,
            answer: id * id,
        })
        .collect()
}

#[track_caller]
fn expect_each_result_once(exercise: &str, mut done: Vec<Done>, count: u64) {
    done.sort();
    let ids: Vec<u64> = done.iter().map(|d| d.id).collect();
    let missing: Vec<u64> = (1..=count).filter(|id| !ids.contains(id)).collect();
    let repeated: Vec<u64> = ids
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| w[0])
        .collect();
    assert!(
        missing.is_empty() && repeated.is_empty(),
        "\n{exercise}: expected the results of jobs 1..={count}, each exactly once; got {} \
         results, missing jobs {missing:?}, repeated jobs {repeated:?}. Does every job go into \
         the job channel once, and every result into the result channel once?\n",
        done.len()
    );
    assert_eq!(
        done,
        expected(count),
        "\n{exercise}: every job is there once, but some answers are wrong: send each job's own \
         `process` result.\n"
    );
}

#[test]
fn exercise_5_1_pipeline_returns_every_result_once_with_workers_at_once() {
    let (done, spans) = within(PIPELINE, LIMIT, || {
        let recorder = Recorder::new();
        // 12 jobs of 40 ms on 3 workers: a worker has 40 ms to start while another works.
        let done = pipeline(jobs(12, Duration::from_millis(40)), 3, 2, &recorder);
        (done, recorder.spans_labelled("work"))
    });
    expect_each_result_once(PIPELINE, done, 12);
    expect_at_once(
        PIPELINE,
        &spans,
        2,
        "The jobs were done one at a time. Spawn every worker thread before collecting, and \
         give each its own clone of the job receiver, so that they take jobs at the same time.",
    );
    let workers: std::collections::BTreeSet<&str> = spans.iter().map(|s| s.task.as_str()).collect();
    assert!(
        workers.len() >= 2,
        "\n{PIPELINE}: the jobs were all done as {workers:?}; expected several workers (named \
         \"worker 1\", \"worker 2\", ...) to share them.\n"
    );
}

#[test]
fn exercise_5_1_pipeline_ends_for_any_sizes() {
    within(PIPELINE, LIMIT, || {
        for (count, workers, capacity) in [(0, 3, 2), (1, 4, 1), (9, 1, 1), (20, 5, 3)] {
            let recorder = Recorder::new();
            let done = pipeline(
                jobs(count, Duration::from_millis(2)),
                workers,
                capacity,
                &recorder,
            );
            expect_each_result_once(
                &format!("{PIPELINE} with {count} jobs, {workers} workers, capacity {capacity}"),
                done,
                count,
            );
        }
    });
}

/// The last moment a span ended.
fn last_end(spans: &[Span]) -> Duration {
    spans.iter().map(|s| s.end).max().unwrap_or_default()
}

#[test]
fn exercise_5_2_worker_stops_promptly_after_cancel_and_keeps_its_results() {
    let job = Duration::from_millis(40);
    let (delivered, spans, cancelled_at) = within(CANCEL, LIMIT, move || {
        let recorder = Recorder::new();
        // 60 jobs of 40 ms: 2.4 s of work, far more than the worker gets to do before cancel.
        let (job_sender, job_receiver) = channel::unbounded();
        for job in jobs(60, job) {
            job_sender.send(job).unwrap();
        }
        // Dropped now: a worker that ignores the cancel still ends, after all 60 jobs, and the
        // check can say how late it stopped.
        drop(job_sender);
        let (cancel_sender, cancel_receiver) = channel::bounded(1);
        let (result_sender, result_receiver) = channel::unbounded();
        let worker = {
            let recorder = recorder.clone();
            thread::spawn(move || {
                work_until_cancelled(
                    "worker",
                    &job_receiver,
                    &cancel_receiver,
                    &result_sender,
                    &recorder,
                );
            })
        };
        thread::sleep(5 * job);
        let cancelled_at = recorder.now();
        // (A send fails only if the worker has already gone, e.g. by panicking; join says why.)
        let _ = cancel_sender.send(());
        if let Err(panic) = worker.join() {
            std::panic::resume_unwind(panic); // the worker's own message is the one to read
        }
        let delivered: Vec<Done> = result_receiver.try_iter().collect();
        (delivered, recorder.spans_labelled("work"), cancelled_at)
    });
    let finished = spans.len();
    assert!(
        finished >= 1,
        "\n{CANCEL}: the worker finished no job in the {:?} before the cancel; it should work \
         until cancelled.\n",
        cancelled_at
    );
    let stopped = last_end(&spans);
    assert!(
        stopped + 2 * job >= cancelled_at,
        "\n{CANCEL}: the worker's last job ended at {stopped:?}, well before the cancel at \
         {cancelled_at:?}, with jobs still queued: it should keep working until cancelled.\n"
    );
    // Generous: the job in progress when the cancel came may finish (one job-length), and a
    // busy machine may be late to wake the worker; four job-lengths allow for both.
    assert!(
        stopped <= cancelled_at + 4 * job,
        "\n{CANCEL}: cancelled at {cancelled_at:?}, but the worker's last job ended at \
         {stopped:?}, {} jobs after. Check the cancel channel before starting each job: \
         `select!` picks at random when both channels are ready.\n",
        spans.iter().filter(|s| s.start >= cancelled_at).count()
    );
    assert_eq!(
        delivered.len(),
        finished,
        "\n{CANCEL}: the worker finished {finished} jobs but delivered {} results: a finished \
         job's result must be sent, even if the cancel came while it was working.\n",
        delivered.len()
    );
    expect_each_result_once(CANCEL, delivered, finished as u64);
}

#[test]
fn exercise_5_2_worker_ends_when_the_jobs_run_out() {
    let delivered = within(CANCEL, LIMIT, || {
        let recorder = Recorder::new();
        let (job_sender, job_receiver) = channel::unbounded();
        for job in jobs(8, Duration::from_millis(5)) {
            job_sender.send(job).unwrap();
        }
        drop(job_sender); // 8 jobs, and then no more
        // The cancel sender stays alive: the worker must end because the jobs ran out.
        let (_cancel_sender, cancel_receiver) = channel::bounded::<()>(1);
        let (result_sender, result_receiver) = channel::unbounded();
        work_until_cancelled(
            "worker",
            &job_receiver,
            &cancel_receiver,
            &result_sender,
            &recorder,
        );
        result_receiver.try_iter().collect::<Vec<Done>>()
    });
    expect_each_result_once(CANCEL, delivered, 8);
}
