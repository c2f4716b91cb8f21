//! Checks for lesson 04's exercises: `cargo test -p lesson-04`.
//!
//! Each check runs Python threads on a simulated interpreter and reads the recorded timeline:
//! when each thread held the GIL, when the learner's code was running, which threads computed.
//! What they measure is the parallelism that matters: while one thread waits on I/O (4.1) or
//! computes natively (4.3), *another* Python thread holds the GIL and runs. Timings are never
//! asserted tightly; every check runs inside a time limit, so an answer that hangs is named.

use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier, mpsc};
use std::thread::JoinHandle;
use std::time::Duration;

use instruments::check::{expect_threads, panic_text, within};
use instruments::rendezvous::Rendezvous;
use instruments::timeline::{draw, format_duration};
use instruments::{Recorder, Span};
use lesson_04::exercises::{compute_all_parallel, io_wait, switch_if_due};
use lesson_04::{
    COMPUTES, HOLDS_GIL, Interpreter, PyThread, compute, compute_native, compute_with,
};

const IO_WAIT: &str = "exercise 4.1 `io_wait` (lessons/lesson-04/src/exercises/io_wait.rs)";
const SWITCH: &str =
    "exercise 4.2 `switch_if_due` (lessons/lesson-04/src/exercises/switch_if_due.rs)";
const PARALLEL: &str = "exercise 4.3 `compute_all_parallel` \
                        (lessons/lesson-04/src/exercises/compute_all_parallel.rs)";

/// Every check's time limit: a right answer needs well under a second, even on a busy
/// machine, so an answer that hangs (a GIL never given back) gets its verdict in seconds.
const LIMIT: Duration = Duration::from_secs(5);

const WIDTH: usize = 72;

/// Runs the learner's code; if it panics, fails with the exercise's name and the panic's own
/// message (an unfinished `todo!`, or the interpreter refusing a GIL taken twice).
fn guarded<T>(exercise: &str, call: &str, code: impl FnOnce() -> T) -> T {
    panic::catch_unwind(AssertUnwindSafe(code)).unwrap_or_else(|payload| {
        panic!("\n{exercise}: {call} panicked: {}\n", panic_text(&*payload))
    })
}

/// Joins a Python thread, passing its panic on unchanged.
fn join<T>(handle: JoinHandle<T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| panic::resume_unwind(panic))
}

/// How many terms of `compute` take about `target` on this machine, in this build: the best of
/// three short trials (the crate's `terms_for` trials are long enough to cost a debug build
/// a quarter of a second).
fn terms_taking(target: Duration) -> u64 {
    let trial = 100_000_u64;
    let best = (0..3)
        .map(|_| {
            let recorder = Recorder::new();
            compute_native(&recorder, 0, trial);
            recorder.spans()[0].duration()
        })
        .min()
        .unwrap_or(Duration::from_millis(1))
        .max(Duration::from_micros(1));
    ((target.as_secs_f64() / best.as_secs_f64() * trial as f64) as u64).max(1_000)
}

/// `sum(i * i for i in range(n))`, wrapping: the right answer of a job of `n` terms (the same
/// loop as the interpreter's, which runs fast in a debug build, unlike `work::sum_of_squares`).
fn answer(n: u64) -> u64 {
    compute_native(&Recorder::new(), 0, n)
}

/// How long, within `from..to`, at least one of `spans` was open.
fn covered(spans: &[&Span], from: Duration, to: Duration) -> Duration {
    let mut pieces: Vec<(Duration, Duration)> = spans
        .iter()
        .map(|s| (s.start.max(from), s.end.min(to)))
        .filter(|(start, end)| start < end)
        .collect();
    pieces.sort();
    let mut total = Duration::ZERO;
    let mut reach = from;
    for (start, end) in pieces {
        let start = start.max(reach);
        if end > start {
            total += end - start;
            reach = end;
        }
    }
    total
}

fn percent(part: Duration, whole: Duration) -> f64 {
    if whole.is_zero() {
        100.0
    } else {
        100.0 * part.as_secs_f64() / whole.as_secs_f64()
    }
}

/// A Python thread that runs bytecode without a break until `done`: it holds the GIL whenever
/// nobody else does, so the timeline shows exactly when the GIL was free to take.
fn bystander(interpreter: &Interpreter, done: &Arc<AtomicBool>) -> JoinHandle<()> {
    let done = Arc::clone(done);
    let (started, has_started) = mpsc::channel();
    let handle = interpreter.spawn("bystander", move |thread| {
        let _ = started.send(());
        while !done.load(Ordering::Acquire) {
            compute(thread, 20_000);
        }
    });
    has_started.recv().expect("the bystander starts");
    handle
}

// ---------------------------------------------------------------------------------------------
// Exercise 4.1: io_wait
// ---------------------------------------------------------------------------------------------

/// The label of the span the check records around each call of the learner's `io_wait`.
const IN_IO_WAIT: &str = "in io_wait";

/// What one reader thread saw: its call of `io_wait`, and whether it held the GIL after.
struct Reader {
    name: String,
    start: Duration,
    end: Duration,
    held_gil_after: bool,
}

#[test]
fn exercise_4_1_other_threads_run_while_one_waits_on_io() {
    within(IO_WAIT, LIMIT, || {
        let wait = Duration::from_millis(80);
        let recorder = Recorder::new();
        let interpreter = Interpreter::new(Duration::from_millis(1), &recorder);
        let done = Arc::new(AtomicBool::new(false));
        let bystander = bystander(&interpreter, &done);
        let readers: Vec<JoinHandle<Reader>> = (1..=2)
            .map(|index| {
                interpreter.spawn(format!("py-{index}"), move |thread: &mut PyThread| {
                    let request = compute(thread, 1_000); // build the request: bytecode
                    let recorder = thread.recorder().clone();
                    let start = recorder.now();
                    guarded(IO_WAIT, "io_wait", || io_wait(thread, wait));
                    let end = recorder.now();
                    recorder.push(thread.name().to_owned(), IN_IO_WAIT.to_owned(), start, end);
                    let held_gil_after = thread.holds_gil();
                    if held_gil_after {
                        std::hint::black_box(request ^ compute(thread, 1_000)); // the reply
                    }
                    Reader {
                        name: thread.name().to_owned(),
                        start,
                        end,
                        held_gil_after,
                    }
                })
            })
            .collect();
        let readers: Vec<_> = readers.into_iter().map(|h| h.join()).collect();
        done.store(true, Ordering::Release);
        join(bystander);
        let readers: Vec<Reader> = readers
            .into_iter()
            .map(|r| r.unwrap_or_else(|panic| panic::resume_unwind(panic)))
            .collect();

        let mut shown = recorder.spans_labelled(HOLDS_GIL);
        shown.extend(recorder.spans_labelled(IN_IO_WAIT));
        let timeline = draw(&shown, WIDTH);
        for reader in &readers {
            assert!(
                reader.held_gil_after,
                "\n{IO_WAIT}: `io_wait` returned without the GIL, and the caller runs bytecode \
                 next. Take the GIL back (acquire_gil) after the wait.\n\n{timeline}"
            );
        }
        for reader in &readers {
            let took = reader.end - reader.start;
            assert!(
                took >= wait,
                "\n{IO_WAIT}: `{}` called io_wait for {}, and it returned after {}. Wait the \
                 whole `duration` it is given (std::thread::sleep(duration)), with the GIL \
                 released.\n\n{timeline}",
                reader.name,
                format_duration(wait),
                format_duration(took),
            );
        }
        let holds = recorder.spans_labelled(HOLDS_GIL);
        for reader in &readers {
            let others: Vec<&Span> = holds.iter().filter(|s| s.task != reader.name).collect();
            let took = reader.end - reader.start;
            let ran = covered(&others, reader.start, reader.end);
            let share = percent(ran, took);
            assert!(
                share >= 50.0,
                "\n{IO_WAIT}: while `{}` was in io_wait ({}), other Python threads held the GIL \
                 for only {} of it ({share:.0}%): it kept the GIL while it waited, so nobody \
                 else could run. (A thread also waits its turn to get the GIL back after the \
                 wait; that is not I/O, and it does not count here.)\n\n{timeline}\n\
                 Release the GIL before the wait (release_gil) and take it back after it \
                 (acquire_gil): the whole wait must happen without the GIL.\n",
                reader.name,
                format_duration(took),
                format_duration(ran),
            );
        }
    });
}

// ---------------------------------------------------------------------------------------------
// Exercise 4.2: switch_if_due
// ---------------------------------------------------------------------------------------------

/// What one thread's job saw: its answer, and how often `switch_if_due` was called when a
/// switch was due (held a whole interval, the other thread waiting) and did not switch.
struct Job {
    answer: u64,
    missed: usize,
    longest_missed: Duration,
}

/// Two Python threads, each computing about `job` worth of terms, stepping with the learner's
/// `switch_if_due`; fails unless both computed the right sum, and returns what each saw and the
/// recorder.
fn two_threads(switch_interval: Duration, job: Duration) -> (Vec<Job>, Recorder) {
    let n = terms_taking(job);
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
                let mut missed = 0;
                let mut longest_missed = Duration::ZERO;
                let answer = guarded(SWITCH, "computing with your switch_if_due", || {
                    compute_with(thread, n, |thread| {
                        // Due: held a whole interval, and the other thread waits (it cannot
                        // stop waiting while this one holds the GIL). A switch makes
                        // `held_for()` start again from zero; without one it only grows.
                        let held = thread.held_for();
                        let due = held >= thread.switch_interval() && thread.others_waiting() > 0;
                        switch_if_due(thread);
                        if due && thread.holds_gil() && thread.held_for() >= held {
                            missed += 1;
                            longest_missed = longest_missed.max(held);
                        }
                    })
                });
                Job {
                    answer,
                    missed,
                    longest_missed,
                }
            })
        })
        .collect();
    let results: Vec<_> = handles.into_iter().map(|h| h.join()).collect();
    let results: Vec<Job> = results
        .into_iter()
        .map(|r| r.unwrap_or_else(|panic| panic::resume_unwind(panic)))
        .collect();
    let answers: Vec<u64> = results.iter().map(|job| job.answer).collect();
    let expected = answer(n);
    assert_eq!(
        answers,
        [expected, expected],
        "\n{SWITCH}: two threads computed the wrong sums\n"
    );
    (results, recorder)
}

/// The GIL holds of the two threads' jobs (each thread's first hold, before the barrier, left
/// out), in time order.
fn job_holds(recorder: &Recorder) -> Vec<Span> {
    let spans = recorder.spans_labelled(HOLDS_GIL);
    let mut holds: Vec<Span> = Vec::new();
    for task in ["py-1", "py-2"] {
        holds.extend(spans.iter().filter(|s| s.task == task).skip(1).cloned());
    }
    holds.sort_by_key(|s| s.start);
    holds
}

/// Every hold but each thread's last ended with a switch made by `switch_if_due`: it must
/// have lasted at least the interval.
fn expect_no_early_switch(recorder: &Recorder, interval: Duration) {
    let holds = job_holds(recorder);
    let timeline = draw(&recorder.spans_labelled(HOLDS_GIL), WIDTH);
    for task in ["py-1", "py-2"] {
        let mine: Vec<&Span> = holds.iter().filter(|s| s.task == task).collect();
        let early: Vec<&&Span> = mine
            .iter()
            .rev()
            .skip(1)
            .filter(|s| s.duration() < interval)
            .collect();
        if let Some(first) = early.first() {
            panic!(
                "\n{SWITCH}: `{task}` gave up the GIL {} of {} times before its switch interval \
                 ({}) was over, once after holding it only {}. Switch only once `held_for()` \
                 has reached `switch_interval()` (the interval the interpreter was given, not a \
                 number of your own), and compare `held_for()`, which starts again at each \
                 acquire_gil, not a deadline of your own that is never moved on.\n\n{timeline}",
                early.len(),
                mine.len().saturating_sub(1),
                format_duration(interval),
                format_duration(first.duration()),
            );
        }
    }
}

#[test]
fn exercise_4_2_two_cpu_threads_take_turns_every_interval() {
    within(SWITCH, LIMIT, || {
        let interval = Duration::from_millis(1);
        let (results, recorder) = two_threads(interval, Duration::from_millis(30));
        let holds = job_holds(&recorder);
        let timeline = draw(&recorder.spans_labelled(HOLDS_GIL), WIDTH);
        let handoffs = holds.windows(2).filter(|w| w[0].task != w[1].task).count();
        assert!(
            handoffs >= 3,
            "\n{SWITCH}: the GIL changed hands {} in two jobs of about 30 ms with a switch \
             interval of 1 ms: one thread ran its whole job while the other waited.\n\n\
             {timeline}\nOnce `held_for()` reaches `switch_interval()`, and \
             `others_waiting() > 0`, release the GIL and acquire it again: the GIL serves \
             threads in order, so the waiting one goes first.\n",
            match handoffs {
                0 => "never".to_owned(),
                1 => "only once".to_owned(),
                n => format!("only {n} times"),
            }
        );
        expect_no_early_switch(&recorder, interval);
        // Not too late either: every time a switch was due, `switch_if_due` must have made it
        // (counted step by step, so a busy machine cannot make a right answer look late).
        for (job, task) in results.iter().zip(["py-1", "py-2"]) {
            assert!(
                job.missed == 0,
                "\n{SWITCH}: `{task}` had held the GIL for at least the switch interval ({}), \
                 with the other thread waiting, {} times when your switch_if_due was called, \
                 and did not switch (once after holding it {}). Compare `held_for()` with \
                 `thread.switch_interval()`, not with a number of your own.\n\n{timeline}",
                format_duration(interval),
                job.missed,
                format_duration(job.longest_missed),
            );
        }
    });
}

#[test]
fn exercise_4_2_switches_at_the_interval_it_is_given() {
    within(SWITCH, LIMIT, || {
        // Longer than CPython's default 5 ms: a thread that switches at a number of its own
        // (5 ms, 1 ms) gives the GIL up too early here.
        let interval = Duration::from_millis(8);
        let (_, recorder) = two_threads(interval, Duration::from_millis(30));
        expect_no_early_switch(&recorder, interval);
    });
}

#[test]
fn exercise_4_2_a_lone_thread_keeps_the_gil() {
    within(SWITCH, LIMIT, || {
        let recorder = Recorder::new();
        let interval = Duration::from_micros(200);
        let interpreter = Interpreter::new(interval, &recorder);
        let n = terms_taking(Duration::from_millis(5)).max(300_000);
        let total = interpreter.run_main(|thread| {
            guarded(SWITCH, "computing with your switch_if_due", || {
                compute_with(thread, n, switch_if_due)
            })
        });
        assert_eq!(
            total,
            answer(n),
            "\n{SWITCH}: a thread alone computed the wrong sum\n"
        );
        let holds = recorder.spans_labelled(HOLDS_GIL);
        assert!(
            holds.len() == 1,
            "\n{SWITCH}: a thread alone gave up the GIL {} times with nobody waiting for it \
             (switch interval {}, about {} of work). Switch only when \
             `thread.others_waiting() > 0`: releasing and taking back a lock nobody wants is \
             pure cost.\n",
            holds.len() - 1,
            format_duration(interval),
            format_duration(holds.last().map_or(Duration::ZERO, |s| s.end)),
        );
    });
}

// ---------------------------------------------------------------------------------------------
// Exercise 4.3: compute_all_parallel
// ---------------------------------------------------------------------------------------------

/// Rayon threads the check runs `compute_all_parallel` on: as many as there are jobs, so every
/// job can compute at once, whatever the machine's number of cores.
const POOL_THREADS: usize = 4;
/// How long each of 4.3's jobs waits for the others to start: a right answer never waits it
/// out; a sequential one waits it out once per job, so 4 of these stay well within `LIMIT`.
const MEETING_PATIENCE: Duration = Duration::from_millis(500);

#[test]
fn exercise_4_3_rayon_computes_while_other_python_threads_run() {
    within(PARALLEL, LIMIT, || {
        let recorder = Recorder::new();
        let interpreter = Interpreter::new(Duration::from_millis(1), &recorder);
        // Sizes 4, 3, 2, 1: they finish smallest first, so results collected as they finish
        // come out in the wrong order every time.
        let n = terms_taking(Duration::from_millis(8));
        let jobs: Vec<u64> = (0..POOL_THREADS as u64).map(|i| n * (4 - i)).collect();
        let expected: Vec<u64> = jobs.iter().map(|&n| answer(n)).collect();
        let meeting = Arc::new(Rendezvous::new(jobs.len(), MEETING_PATIENCE));
        recorder.meet(Arc::clone(&meeting));
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(POOL_THREADS)
            .thread_name(|index| format!("rayon-{index}"))
            .build()
            .expect("the check's rayon pool starts");

        // A second Python thread runs bytecode until the jobs are done: it can hold the GIL
        // only while the caller has released it.
        let done = Arc::new(AtomicBool::new(false));
        let bystander = bystander(&interpreter, &done);
        let given = jobs.clone();
        let caller = interpreter.spawn("caller", move |thread: &mut PyThread| {
            let results = pool.install(|| {
                guarded(PARALLEL, "compute_all_parallel", || {
                    compute_all_parallel(thread, &given)
                })
            });
            (results, thread.holds_gil())
        });
        let outcome = caller.join();
        // Stop the bystander whatever happened to the caller, so that nothing is left running.
        done.store(true, Ordering::Release);
        join(bystander);
        let (results, holds_gil) = outcome.unwrap_or_else(|panic| panic::resume_unwind(panic));

        let computed = recorder.spans_labelled(COMPUTES);
        let holds = recorder.spans_labelled(HOLDS_GIL);
        let mut shown = computed.clone();
        shown.extend(holds.iter().cloned());
        let timeline = draw(&shown, WIDTH);
        assert!(
            holds_gil,
            "\n{PARALLEL}: returned without the GIL, and the calling Python thread runs bytecode \
             next. Take the GIL back (acquire_gil) after the jobs.\n\n{timeline}"
        );
        let mut sorted_results = results.clone();
        sorted_results.sort_unstable();
        let mut sorted_expected = expected.clone();
        sorted_expected.sort_unstable();
        assert!(
            results == expected || sorted_results != sorted_expected,
            "\n{PARALLEL}: the right results in the wrong order. Jobs of sizes {jobs:?} finish \
             smallest first; results collected as they finish come out reversed. \
             `par_iter().enumerate().map(...).collect()` keeps the job order by itself.\n"
        );
        assert_eq!(
            results, expected,
            "\n{PARALLEL}: the results must be exact and in job order (jobs {jobs:?})\n"
        );
        assert_eq!(
            computed.len(),
            jobs.len(),
            "\n{PARALLEL}: expected {} recorded jobs, one per job; compute each with \
             `compute_native(&recorder, index, n)`.\n\n{timeline}",
            jobs.len()
        );
        expect_threads(
            PARALLEL,
            &computed,
            2,
            "The jobs ran one at a time on one thread. Use rayon: \
             jobs.par_iter().enumerate().map(...).collect() spreads them over its pool.",
        );
        // Every job waited inside `compute_native` until all had started (at most
        // `MEETING_PATIENCE`): a right answer meets at once, however busy the machine.
        let at_once = meeting.most_at_once();
        assert!(
            meeting.met(),
            "\n{PARALLEL}: expected all {} jobs computing at the same time, but at most \
             {at_once} did:\n\n{timeline}\nThe check ran your code inside a rayon pool of \
             {POOL_THREADS} threads, and the jobs computed in batches of at most {at_once}. Give \
             rayon every job at once (`jobs.par_iter()`), in the pool you are called in: not in \
             chunks, and not on a pool of your own with a fixed number of threads.\n",
            jobs.len()
        );
        // The parallelism that matters here: while the jobs computed, the other Python thread
        // held the GIL (it ran), because the caller had released it.
        let from = computed.iter().map(|s| s.start).min().unwrap_or_default();
        let to = computed.iter().map(|s| s.end).max().unwrap_or_default();
        let others: Vec<&Span> = holds.iter().filter(|s| s.task == "bystander").collect();
        let ran = covered(&others, from, to);
        let share = percent(ran, to.saturating_sub(from));
        assert!(
            share >= 50.0,
            "\n{PARALLEL}: while the jobs computed ({}), the other Python thread held the GIL \
             for only {} of it ({share:.0}%): the caller kept the GIL during the native work, \
             so no Python thread could run.\n\n{timeline}\n\
             Release the GIL before the rayon work (PyO3 calls this allow_threads), and take \
             it back only after the results are collected: a rayon iterator computes nothing \
             until `collect`.\n",
            format_duration(to.saturating_sub(from)),
            format_duration(ran),
        );
    });
}

#[test]
fn exercise_4_3_no_jobs_give_no_results() {
    within(PARALLEL, LIMIT, || {
        let recorder = Recorder::new();
        let interpreter = Interpreter::new(Duration::from_millis(1), &recorder);
        let (results, holds_gil) = interpreter.run_main(|thread| {
            let results = guarded(PARALLEL, "compute_all_parallel", || {
                compute_all_parallel(thread, &[])
            });
            (results, thread.holds_gil())
        });
        assert!(results.is_empty(), "\n{PARALLEL}: no jobs, no results\n");
        assert!(
            holds_gil,
            "\n{PARALLEL}: returned without the GIL; take it back (acquire_gil)\n"
        );
    });
}
