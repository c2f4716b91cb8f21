//! Checks for lesson 04's exercises: `cargo test -p lesson-04`.
//!
//! Each check runs Python threads on a simulated interpreter and reads the recorded timeline:
//! when each thread held the GIL, which waits overlapped, which threads computed. Timings are
//! never asserted; every check runs inside a time limit, so an answer that hangs is named.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier, mpsc};
use std::thread::JoinHandle;
use std::time::Duration;

use instruments::check::{expect_at_once, expect_threads, within};
use instruments::timeline::{draw, format_duration};
use instruments::{Recorder, Span, work};
use lesson_04::exercises::{compute_all_parallel, io_wait, switch_if_due};
use lesson_04::{COMPUTES, HOLDS_GIL, Interpreter, WAITS_ON_IO, compute, compute_with, terms_for};

const LIMIT: Duration = Duration::from_secs(60);

/// Joins a Python thread, passing its panic (an unfinished exercise's `todo!`) on unchanged.
fn join<T>(handle: JoinHandle<T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

#[test]
fn exercise_4_1_io_waits_overlap_under_the_gil() {
    let exercise = "exercise 4.1 `io_wait` (lessons/lesson-04/src/exercises/io_wait.rs)";
    within(exercise, LIMIT, move || {
        let recorder = Recorder::new();
        let interpreter = Interpreter::new(Duration::from_millis(1), &recorder);
        let handles: Vec<_> = (1..=4)
            .map(|index| {
                interpreter.spawn(format!("py-{index}"), move |thread| {
                    let request = compute(thread, 1_000); // build the request: bytecode
                    let span = thread
                        .recorder()
                        .span(format!("py-{index} I/O"), WAITS_ON_IO);
                    io_wait(thread, Duration::from_millis(150));
                    drop(span);
                    assert!(
                        thread.holds_gil(),
                        "\n{exercise}: `io_wait` returned without the GIL, and the caller runs \
                         bytecode next. Take the GIL back (acquire_gil) after the wait.\n"
                    );
                    request ^ compute(thread, 1_000) // read the reply: bytecode again
                })
            })
            .collect();
        for handle in handles {
            join(handle);
        }
        expect_at_once(
            exercise,
            &recorder.spans_labelled(WAITS_ON_IO),
            3,
            "The I/O waits ran one at a time: `io_wait` kept the GIL while it slept, so no \
             other Python thread could run, not even to start its own request. Release the GIL \
             before the wait (release_gil) and take it back after it (acquire_gil).",
        );
    });
}

/// Two Python threads, each computing about `job` worth of terms, stepping with the learner's
/// `switch_if_due`; returns their results and the recorder.
fn two_threads(switch_interval: Duration, job: Duration) -> (Vec<u64>, u64, Recorder) {
    let n = terms_for(job);
    let recorder = Recorder::new();
    let interpreter = Interpreter::new(switch_interval, &recorder);
    // Both threads step out of line and meet at the barrier before computing, so both are in
    // the GIL's queue before the first of them starts its job.
    let barrier = Arc::new(Barrier::new(2));
    let handles: Vec<_> = (1..=2)
        .map(|index| {
            let barrier = Arc::clone(&barrier);
            interpreter.spawn(format!("py-{index}"), move |thread| {
                thread.release_gil();
                barrier.wait();
                thread.acquire_gil();
                compute_with(thread, n, switch_if_due)
            })
        })
        .collect();
    let results = handles.into_iter().map(join).collect();
    (results, work::sum_of_squares(n), recorder)
}

#[test]
fn exercise_4_2_two_cpu_threads_take_turns() {
    let exercise =
        "exercise 4.2 `switch_if_due` (lessons/lesson-04/src/exercises/switch_if_due.rs)";
    within(exercise, LIMIT, move || {
        let interval = Duration::from_millis(1);
        let (results, expected, recorder) = two_threads(interval, Duration::from_millis(60));
        assert_eq!(results, [expected, expected], "\n{exercise}: wrong sums\n");
        // Each thread's first span is its short hold before the barrier; the jobs come after.
        let spans = recorder.spans_labelled(HOLDS_GIL);
        let timeline = draw(&spans, 72);
        let mut holders: Vec<&Span> = Vec::new();
        for task in ["py-1", "py-2"] {
            holders.extend(spans.iter().filter(|s| s.task == task).skip(1));
        }
        holders.sort_by_key(|s| s.start);
        let handoffs = holders
            .windows(2)
            .filter(|w| w[0].task != w[1].task)
            .count();
        assert!(
            handoffs >= 3,
            "\n{exercise}: the GIL changed hands {} in two jobs of about 60 \
             ms with a switch interval of 1 ms: one thread ran its whole job while the other \
             waited.\n\n{timeline}\nOnce `held_for()` reaches `switch_interval()`, release the \
             GIL and acquire it again: the GIL serves threads in order, so the waiting one goes \
             first.\n",
            match handoffs {
                0 => "never".to_owned(),
                1 => "only once".to_owned(),
                n => format!("only {n} times"),
            }
        );
        // Every span but each thread's last ended with a switch, and so should have lasted a
        // whole interval (a little slack for clock rounding).
        for task in ["py-1", "py-2"] {
            let mine: Vec<&&Span> = holders.iter().filter(|s| s.task == task).collect();
            for span in mine.iter().rev().skip(1) {
                assert!(
                    span.duration() >= interval.mul_f64(0.9),
                    "\n{exercise}: `{task}` gave up the GIL after holding it only {}, before its \
                     switch interval ({}) was over. Switch only once `held_for()` has reached \
                     `switch_interval()`: switching after every few bytecodes spends the time \
                     switching.\n\n{timeline}",
                    format_duration(span.duration()),
                    format_duration(interval),
                );
            }
        }
    });
}

#[test]
fn exercise_4_2_a_lone_thread_computes_the_exact_sum() {
    let exercise =
        "exercise 4.2 `switch_if_due` (lessons/lesson-04/src/exercises/switch_if_due.rs)";
    within(exercise, LIMIT, move || {
        let recorder = Recorder::new();
        let interpreter = Interpreter::new(Duration::from_micros(200), &recorder);
        let n = 300_000;
        let total = interpreter.run_main(|thread| compute_with(thread, n, switch_if_due));
        assert_eq!(
            total,
            work::sum_of_squares(n),
            "\n{exercise}: a thread alone computed the wrong sum\n"
        );
    });
}

#[test]
fn exercise_4_3_rayon_computes_while_other_python_threads_run() {
    let exercise = "exercise 4.3 `compute_all_parallel` (lessons/lesson-04/src/exercises/compute_all_parallel.rs)";
    within(exercise, LIMIT, move || {
        let recorder = Recorder::new();
        let interpreter = Interpreter::new(Duration::from_millis(1), &recorder);
        // Different sizes, so that results in the wrong order are caught.
        let n = terms_for(Duration::from_millis(40));
        let jobs: Vec<u64> = (0..4).map(|i| n + i).collect();
        let expected: Vec<u64> = jobs.iter().map(|&n| work::sum_of_squares(n)).collect();

        // A second Python thread keeps running bytecode until the jobs are done: it can only
        // do so while the caller has the GIL released.
        let done = Arc::new(AtomicBool::new(false));
        let (started, has_started) = mpsc::channel();
        let bystander = {
            let done = Arc::clone(&done);
            interpreter.spawn("bystander", move |thread| {
                let _ = started.send(());
                while !done.load(Ordering::Acquire) {
                    compute(thread, 20_000);
                }
            })
        };
        has_started.recv().expect("the bystander starts");
        let caller = interpreter.spawn("caller", move |thread| {
            let results = compute_all_parallel(thread, &jobs);
            (results, thread.holds_gil())
        });
        let outcome = caller.join();
        // Stop the bystander whatever happened to the caller, so that nothing is left running.
        done.store(true, Ordering::Release);
        join(bystander);
        let (results, holds_gil) = outcome.unwrap_or_else(|panic| std::panic::resume_unwind(panic));

        assert_eq!(
            results, expected,
            "\n{exercise}: the results must be exact and in job order\n"
        );
        assert!(
            holds_gil,
            "\n{exercise}: returned without the GIL, and the calling Python thread runs bytecode \
             next. Take the GIL back (acquire_gil) after the jobs.\n"
        );
        let computed = recorder.spans_labelled(COMPUTES);
        assert_eq!(
            computed.len(),
            4,
            "\n{exercise}: expected four recorded jobs; compute each with compute_native\n"
        );
        let advice = "The jobs ran one at a time on one thread. Use rayon: \
                      jobs.par_iter().enumerate().map(...).collect() spreads them over its pool.";
        expect_threads(exercise, &computed, 2, advice);
        expect_at_once(exercise, &computed, 2, advice);
        let bystander: Vec<Span> = recorder
            .spans_labelled(HOLDS_GIL)
            .into_iter()
            .filter(|s| s.task == "bystander")
            .collect();
        let overlapped = bystander
            .iter()
            .any(|b| computed.iter().any(|c| b.overlaps(c)));
        let mut both = computed.clone();
        both.extend(bystander);
        assert!(
            overlapped,
            "\n{exercise}: no other Python thread ran while the jobs computed: the caller kept \
             the GIL the whole time.\n\n{}\nRelease the GIL before the rayon work (PyO3 calls \
             this allow_threads) and take it back after.\n",
            draw(&both, 72)
        );
    });
}

#[test]
fn exercise_4_3_no_jobs_give_no_results() {
    let exercise = "exercise 4.3 `compute_all_parallel` (lessons/lesson-04/src/exercises/compute_all_parallel.rs)";
    within(exercise, LIMIT, move || {
        let recorder = Recorder::new();
        let interpreter = Interpreter::new(Duration::from_millis(1), &recorder);
        let (results, holds_gil) = interpreter.run_main(|thread| {
            let results = compute_all_parallel(thread, &[]);
            (results, thread.holds_gil())
        });
        assert!(results.is_empty(), "\n{exercise}: no jobs, no results\n");
        assert!(
            holds_gil,
            "\n{exercise}: returned without the GIL; take it back (acquire_gil)\n"
        );
    });
}
