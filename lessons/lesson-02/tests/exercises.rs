//! Checks for lesson 02's exercises: `cargo test -p lesson-02`.
//!
//! Each check wants the right answers *and* work that really ran on several threads at the
//! same time, read from the recorded spans (not from the clock, which a busy machine upsets).
//!
//! Exercise 2.2's jobs panic on purpose: if a check fails, its output may include lines such as
//! "thread '<unnamed>' panicked at ... the oven caught fire". Those are expected.

use std::panic::{self, AssertUnwindSafe};
use std::thread;
use std::time::Duration;

use instruments::Recorder;
use instruments::check::{expect_at_once, expect_threads, within};
use lesson_02::exercises::{parallel_sum, run_jobs};
use lesson_02::{Job, sum_chunk};

const SUM: &str = "exercise 2.1 `parallel_sum` (lessons/lesson-02/src/exercises/parallel_sum.rs)";
const JOBS: &str = "exercise 2.2 `run_jobs` (lessons/lesson-02/src/exercises/run_jobs.rs)";

/// Calls `parallel_sum`, and if it panics, fails with a message that names the case.
#[track_caller]
fn sum_or_explain(numbers: &[u64], workers: usize, recorder: &Recorder) -> u64 {
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        parallel_sum(numbers, workers, recorder)
    }));
    outcome.unwrap_or_else(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|text| (*text).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let advice = if message.contains("chunk size") {
            "An empty slice gives a chunk size of 0, and `chunks(0)` panics: keep the size \
             at least 1."
        } else {
            ""
        };
        panic!(
            "\n{SUM}: panicked when adding up {} numbers with workers = {workers}: {message}\n\
             {advice}\n",
            numbers.len()
        )
    })
}

#[test]
fn exercise_2_1_parallel_sum_is_exact_for_any_worker_count() {
    within(SUM, Duration::from_secs(60), || {
        let numbers: Vec<u64> = (1..=1000).map(|n| n * 37 % 101).collect();
        let expected: u64 = numbers.iter().sum();
        for workers in [1, 2, 3, 7, 64] {
            let got = sum_or_explain(&numbers, workers, &Recorder::new());
            assert_eq!(
                got, expected,
                "\n{SUM}: with {workers} workers, 1000 numbers add up to {expected}, but the \
                 answer was {got}. Is every chunk added exactly once? Join every handle and \
                 add up all their answers.\n"
            );
        }
        let few = [5, 10, 20];
        let got = sum_or_explain(&few, 8, &Recorder::new());
        assert_eq!(
            got, 35,
            "\n{SUM}: with more workers (8) than numbers (3), [5, 10, 20] adds up to 35, but \
             the answer was {got}. The chunk size must be at least 1.\n"
        );
        for workers in [1, 4] {
            let got = sum_or_explain(&[], workers, &Recorder::new());
            assert_eq!(
                got, 0,
                "\n{SUM}: an empty slice adds up to 0, but with {workers} workers the answer \
                 was {got}.\n"
            );
        }
    });
}

/// How many numbers make `sum_chunk` take about `target` on this machine and in this build
/// (debug or release), measured now on a sample.
fn numbers_taking(target: Duration) -> u64 {
    let sample = vec![1_u64; 4_000];
    let recorder = Recorder::new();
    sum_chunk(&recorder, 0, &sample);
    let per_number = recorder.spans()[0].duration().as_secs_f64() / sample.len() as f64;
    ((target.as_secs_f64() / per_number.max(1e-9)) as u64).clamp(20_000, 20_000_000)
}

#[test]
fn exercise_2_1_parallel_sum_adds_chunks_at_once_on_several_threads() {
    within(SUM, Duration::from_secs(120), || {
        // About 200 ms of work per chunk with two workers: a second thread starts in far less
        // (0.1-4 ms here), even on a busy machine.
        let count = numbers_taking(Duration::from_millis(400));
        let numbers: Vec<u64> = (0..count).collect();
        let recorder = Recorder::new();
        let got = sum_or_explain(&numbers, 2, &recorder);
        let expected = count * (count - 1) / 2;
        assert_eq!(
            got, expected,
            "\n{SUM}: 0..{count} adds up to {expected}, but the answer was {got}.\n"
        );
        let spans = recorder.spans_labelled("sum");
        assert!(
            !spans.is_empty(),
            "\n{SUM}: the right total, but no chunk was recorded. Each thread must add up its \
             chunk with `sum_chunk(recorder, chunk_number, chunk)`, which records it, so the \
             check can see the threads at work.\n"
        );
        expect_threads(
            SUM,
            &spans,
            2,
            "Every chunk was added up on the same thread. Spawn a scoped thread per chunk \
             (`scope.spawn(move || sum_chunk(recorder, chunk_number, chunk))`) and call \
             `sum_chunk` inside it.",
        );
        expect_at_once(
            SUM,
            &spans,
            2,
            "The chunks ran on different threads but one after another. Spawn every thread \
             first and join them after: joining inside the loop that spawns waits for each \
             chunk before the next one starts.",
        );
    });
}

/// A job that waits `millis` (recorded as a span on its own row), then answers or panics.
fn job(recorder: &Recorder, name: &'static str, millis: u64, outcome: Outcome) -> Job {
    let recorder = recorder.clone();
    Box::new(move || {
        recorder.record(name, "job", || {
            thread::sleep(Duration::from_millis(millis));
            match outcome {
                Outcome::Answer(answer) => answer,
                Outcome::PanicWithStr => panic!("the oven caught fire"),
                Outcome::PanicWithString(batch) => panic!("batch {batch} burnt"),
            }
        })
    })
}

#[derive(Clone, Copy)]
enum Outcome {
    Answer(u64),
    PanicWithStr,
    PanicWithString(u64),
}

/// Five jobs, two of which panic; they finish in a different order (boxes, oven, till, icing,
/// dough) than they were given, so an answer collected in finishing order is caught.
fn bakery(recorder: &Recorder) -> Vec<Job> {
    vec![
        job(recorder, "dough", 300, Outcome::Answer(1)),
        job(recorder, "oven", 100, Outcome::PanicWithStr),
        job(recorder, "icing", 200, Outcome::Answer(3)),
        job(recorder, "boxes", 50, Outcome::PanicWithString(4)),
        job(recorder, "till", 150, Outcome::Answer(5)),
    ]
}

#[test]
fn exercise_2_2_run_jobs_keeps_answers_and_panic_messages_in_order() {
    within(JOBS, Duration::from_secs(60), || {
        let results = run_jobs(bakery(&Recorder::new()));
        let expected: [Result<u64, String>; 5] = [
            Ok(1),
            Err("the oven caught fire".into()),
            Ok(3),
            Err("batch 4 burnt".into()),
            Ok(5),
        ];
        assert_eq!(
            results.len(),
            5,
            "\n{JOBS}: 5 jobs went in, {} results came out: {results:?}. Return one result \
             per job, also for the jobs that panicked.\n",
            results.len()
        );
        let advice = [
            "",
            "`panic!(\"the oven caught fire\")` carries a &'static str: \
             `payload.downcast_ref::<&str>()`.",
            "",
            "`panic!(\"batch {} burnt\", 4)` carries a String: \
             `payload.downcast_ref::<String>()`.",
            "",
        ];
        for (index, (got, want)) in results.iter().zip(&expected).enumerate() {
            assert_eq!(
                got, want,
                "\n{JOBS}: job {index} should give {want:?}, but gave {got:?} (all results: \
                 {results:?}). Results go in the order of the jobs, not the order they \
                 finish. {}\n",
                advice[index]
            );
        }

        let odd: Vec<Job> = vec![Box::new(|| std::panic::panic_any(7_u64)), Box::new(|| 8)];
        let results = run_jobs(odd);
        assert!(
            matches!(results.as_slice(), [Err(_), Ok(8)]),
            "\n{JOBS}: a job that panics with `panic_any(7)` (not text) should give Err(any \
             message), and the next job Ok(8); got {results:?}.\n"
        );
        let results = run_jobs(Vec::new());
        assert!(
            results.is_empty(),
            "\n{JOBS}: no jobs should give no results; got {results:?}.\n"
        );
    });
}

#[test]
fn exercise_2_2_run_jobs_runs_the_jobs_at_once_on_their_own_threads() {
    within(JOBS, Duration::from_secs(60), || {
        let recorder = Recorder::new();
        let results = run_jobs(bakery(&recorder));
        assert_eq!(
            results.len(),
            5,
            "\n{JOBS}: 5 jobs went in, {} results came out: {results:?}.\n",
            results.len()
        );
        let spans = recorder.spans_labelled("job");
        assert_eq!(
            spans.len(),
            5,
            "\n{JOBS}: every job should run exactly once, but {} ran: {spans:?}\n",
            spans.len()
        );
        expect_threads(
            JOBS,
            &spans,
            2,
            "Every job ran on the same thread. Give each job its own thread: \
             `thread::spawn(job)`.",
        );
        expect_at_once(
            JOBS,
            &spans,
            2,
            "The jobs ran one after another. Spawn every thread first and join them after: \
             joining inside the loop that spawns waits for each job before the next starts.",
        );
    });
}
