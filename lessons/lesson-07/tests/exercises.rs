//! Checks for lesson 07's exercises: `cargo test -p lesson-07`.
//!
//! Each check wants the right answers *and* work that really ran the way the exercise asks,
//! read from what the run recorded rather than from the clock: 7.1's texts being counted at
//! the same moment (each `count_letters` call is a span, so a lock held around the counting
//! shows as texts counted in turn, even when the threads overlap); 7.2's jobs held at a gate
//! to see how many of them the pool runs at once, on which threads, and whether dropping the
//! pool waits for those threads to end. Everything runs under a limit of a few seconds, so an
//! answer that hangs fails with the exercise's name and the step that did not return.
//!
//! Exercise 7.2's checks give your pool a function that panics on purpose: the output may
//! include "thread '...' panicked at ... item 1 is broken". That is expected.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::mpsc as std_mpsc;
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

use instruments::check::expect_at_once;
use instruments::check::within_waiting as within;
use instruments::summary::distinct_threads;
use instruments::{Recorder, Span};
use lesson_07::exercises::{Pool, PoolError, frequency};

const FREQUENCY: &str = "exercise 7.1 `frequency` (lessons/lesson-07/src/exercises/frequency.rs)";
const POOL: &str = "exercise 7.2 `Pool` (lessons/lesson-07/src/exercises/pool.rs)";

/// Short texts in German, Greek, Russian, French and Turkish, with digits, punctuation and
/// whitespace that must not count.
const CORPUS: [&str; 6] = [
    "Straße, Äpfel und Öl: 3 Bäcker backen 12 Brötchen!",
    "Σοφία και ΛΌΓΟΣ; η θάλασσα είναι ήρεμη, ο ήλιος λάμπει.",
    "Ёжик в тумане — 1975 год. Привет, мир?",
    "Où est l'élève ? À côté de la forêt, ça va.",
    "İstanbul'da ılık bir gün...",
    "    \t\n 42 ... !!! ---",
];

/// The rule, written the simplest way: every alphabetic char counts as the chars of its
/// `to_lowercase()`.
fn reference(texts: &[&str]) -> HashMap<char, usize> {
    let mut counts = HashMap::new();
    for letter in texts
        .iter()
        .flat_map(|t| t.chars())
        .filter(|c| c.is_alphabetic())
    {
        for lower in letter.to_lowercase() {
            *counts.entry(lower).or_insert(0) += 1;
        }
    }
    counts
}

/// The first difference between two counts, in words.
fn difference(got: &HashMap<char, usize>, want: &HashMap<char, usize>) -> String {
    let mut letters: Vec<char> = got.keys().chain(want.keys()).copied().collect();
    letters.sort_unstable();
    letters.dedup();
    letters
        .into_iter()
        .find(|c| got.get(c) != want.get(c))
        .map(|c| {
            format!(
                "{c:?} (U+{:04X}) should be counted {} times, was counted {}",
                u32::from(c),
                want.get(&c).unwrap_or(&0),
                got.get(&c).unwrap_or(&0)
            )
        })
        .unwrap_or_default()
}

/// The "count" spans (one per `count_letters` call), each drawn on its thread's row.
fn counting_spans(recorder: &Recorder) -> Vec<Span> {
    let mut spans = recorder.spans_labelled("count");
    for span in &mut spans {
        span.task = format!("thread {}", span.thread + 1);
    }
    spans
}

const FREQUENCY_LIMIT: Duration = Duration::from_secs(5);

#[test]
fn exercise_7_1_frequency_is_exact_for_any_number_of_workers() {
    within(
        FREQUENCY,
        FREQUENCY_LIMIT,
        || "`frequency` on the small corpus did not return: is a worker never joined?".into(),
        || {
            let want = reference(&CORPUS);
            for workers in [1, 2, 3, 4, 6, 50] {
                let recorder = Recorder::new();
                let got = frequency(&CORPUS, workers, &recorder);
                assert!(
                    got == want,
                    "\n{FREQUENCY}: with {workers} workers the counts are wrong: {}. Does every \
                     worker's count reach the merged map, each exactly once?\n",
                    difference(&got, &want)
                );
                let spans = counting_spans(&recorder);
                assert!(
                    spans.len() == CORPUS.len(),
                    "\n{FREQUENCY}: with {workers} workers, `count_letters` was called {} times \
                     for {} texts. Count every text exactly once, with `count_letters` (it \
                     records each call, which is how the check sees the counting).\n",
                    spans.len(),
                    CORPUS.len()
                );
                let threads = distinct_threads(&spans);
                assert!(
                    threads <= workers,
                    "\n{FREQUENCY}: with `workers` = {workers} the texts were counted on \
                     {threads} threads. Use at most `workers` threads: the count is the \
                     parameter, not a number of your own (nor one thread per text).\n"
                );
            }
            let none = frequency(&[], 3, &Recorder::new());
            assert!(
                none.is_empty(),
                "\n{FREQUENCY}: no texts should give no counts, got {none:?}\n"
            );
        },
    );
}

#[test]
fn exercise_7_1_frequency_counts_on_every_worker_at_once() {
    // 48 texts of about 20,000 chars: each of 3 workers counts 16 of them, for tens of
    // milliseconds, while a thread starts in well under one.
    let text = CORPUS.concat().repeat(80);
    let recorder = Recorder::new();
    let inside = recorder.clone();
    let (got, want) = within(
        FREQUENCY,
        FREQUENCY_LIMIT,
        || "`frequency` on the large corpus did not return: is a worker never joined?".into(),
        move || {
            let texts: Vec<&str> = vec![text.as_str(); 48];
            (frequency(&texts, 3, &inside), reference(&texts))
        },
    );
    assert!(
        got == want,
        "\n{FREQUENCY}: wrong counts on the large corpus: {}\n",
        difference(&got, &want)
    );
    let spans = counting_spans(&recorder);
    assert!(
        spans.len() == 48,
        "\n{FREQUENCY}: `count_letters` was called {} times for 48 texts. Count every text \
         exactly once, with `count_letters`.\n",
        spans.len()
    );
    let threads = distinct_threads(&spans);
    assert!(
        threads == 3,
        "\n{FREQUENCY}: with `workers` = 3 and 48 texts, the texts were counted on {threads} \
         threads. Spread them over exactly `workers` threads: the count is the parameter, not \
         a number of your own.\n"
    );
    expect_at_once(
        FREQUENCY,
        &spans,
        3,
        "Each bar is one text being counted (one `count_letters` call), on its thread's row: \
         your 3 workers should be counting at the same moment. If the rows take turns although \
         the threads all ran, a lock is held around the counting (one shared \
         `Mutex<HashMap>`): let each worker count into its own map and merge the maps after \
         the joins. If the threads ran one after another, spawn them all before joining any.",
    );
}

/// The step a pool check is at, for the message when it does not return.
#[derive(Clone, Default)]
struct Step(Arc<Mutex<String>>);

impl Step {
    fn at(&self, step: &str) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = step.to_owned();
    }

    fn waiting(&self) -> String {
        let step = self
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let reading = if step.starts_with("Pool::new") {
            "`new` should start the threads and return, keeping their handles (join them only \
             in `Drop`)."
        } else if step.starts_with("drop") {
            "Dropping the pool did not return: its workers are still waiting for jobs. Drop \
             the job `Sender` first (`drop(self.jobs.take())`), so every worker's `recv` fails \
             and its loop ends, then join them."
        } else {
            "`map` did not return. Does it wait for more answers than there are items (a \
             results channel that never closes because `map` keeps its own sender)? Receive \
             exactly `items.len()` answers. Or did no worker run the jobs?"
        };
        format!("It was waiting for {step} to return. {reading}")
    }
}

const POOL_LIMIT: Duration = Duration::from_secs(4);

/// Jobs in flight are held here until the check opens it, so the check can see how many of
/// them the pool runs at the same time.
#[derive(Default)]
struct Gate {
    state: Mutex<(usize, usize, bool)>, // (in flight, most in flight, open)
    changed: Condvar,
}

impl Gate {
    fn lock(&self) -> std::sync::MutexGuard<'_, (usize, usize, bool)> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A job enters and waits until the gate opens (at most a few seconds, so nothing hangs).
    fn pass(&self) {
        let mut state = self.lock();
        state.0 += 1;
        state.1 = state.1.max(state.0);
        self.changed.notify_all();
        let deadline = Instant::now() + Duration::from_secs(2);
        while !state.2 && Instant::now() < deadline {
            let left = deadline.saturating_duration_since(Instant::now());
            state = self
                .changed
                .wait_timeout(state, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
        state.0 -= 1;
    }

    /// Waits until `count` jobs are in flight (or a second has passed), then a little longer,
    /// so that one job too many would have had time to start, and opens the gate.
    fn open_when(self: Arc<Self>, count: usize) {
        thread::spawn(move || {
            {
                let state = self.lock();
                let _ = self
                    .changed
                    .wait_timeout_while(state, Duration::from_secs(1), |s| s.0 < count)
                    .unwrap_or_else(PoisonError::into_inner);
            }
            thread::sleep(Duration::from_millis(100));
            self.lock().2 = true;
            self.changed.notify_all();
        });
    }

    fn most(&self) -> usize {
        self.lock().1
    }
}

/// Jobs for `pool.map` that pass a gate, each returning the thread it ran on. Every worker
/// thread that runs one also gets an exit mark: a thread-local whose destructor (it runs as
/// the thread ends) waits 50 ms and then reports the thread's end, so a `Drop` that does not
/// join its threads returns before the marks arrive.
fn gated_map(
    pool: &Pool,
    items: usize,
    open_at: usize,
    exits: &std_mpsc::Sender<ThreadId>,
) -> (Result<Vec<ThreadId>, PoolError>, usize) {
    let gate = Arc::new(Gate::default());
    Arc::clone(&gate).open_when(open_at);
    let (job_gate, exits) = (Arc::clone(&gate), Mutex::new(exits.clone()));
    let got = pool.map((0..items).collect(), move |_: usize| {
        let exits = exits.lock().unwrap_or_else(PoisonError::into_inner).clone();
        EXIT_MARK.with(|mark| {
            mark.borrow_mut().get_or_insert_with(|| ExitMark(exits));
        });
        job_gate.pass();
        thread::current().id()
    });
    (got, gate.most())
}

struct ExitMark(std_mpsc::Sender<ThreadId>);

impl Drop for ExitMark {
    fn drop(&mut self) {
        thread::sleep(Duration::from_millis(50));
        let _ = self.0.send(thread::current().id());
    }
}

/// Runs one of 7.2's checks within `POOL_LIMIT`; if it hangs, the failure names the step
/// (`step.at(..)`) that did not return.
fn within_steps<T: Send + 'static>(check: impl FnOnce(&Step) -> T + Send + 'static) -> T {
    let step = Step::default();
    let inside = step.clone();
    within(POOL, POOL_LIMIT, || step.waiting(), move || check(&inside))
}

thread_local! {
    static EXIT_MARK: RefCell<Option<ExitMark>> = const { RefCell::new(None) };
}

#[test]
fn exercise_7_2_pool_map_keeps_input_order() {
    within_steps(move |step| {
        step.at("Pool::new(3)");
        let pool = Pool::new(3);
        step.at("pool.map over 12 items");
        // Later items finish sooner, so answers collected as they come would be reversed.
        let got = pool.map((0..12).collect::<Vec<u64>>(), |n| {
            thread::sleep(Duration::from_millis(4 * (12 - n)));
            n * n
        });
        let want: Vec<u64> = (0..12).map(|n| n * n).collect();
        assert!(
            got.as_ref() == Ok(&want),
            "\n{POOL}: `map` of n * n over 0..12 returned {got:?}; expected Ok({want:?}), \
                 the answers in the order of the items, not the order they finish. Send each \
                 answer back with its index, and put it in its slot.\n"
        );
        step.at("pool.map over no items");
        let empty: Result<Vec<u64>, PoolError> = pool.map(Vec::new(), |n: u64| n);
        assert_eq!(
            empty,
            Ok(vec![]),
            "\n{POOL}: no items should give Ok(vec![]).\n"
        );
        step.at("pool.map over 2 words");
        let words = pool.map(vec!["pool", "map"], |w: &str| w.len());
        assert_eq!(
            words,
            Ok(vec![4, 3]),
            "\n{POOL}: map(vec![\"pool\", \"map\"], len)\n"
        );
        step.at("drop(pool)");
        drop(pool);
    });
}

#[test]
fn exercise_7_2_pool_runs_its_own_workers_at_once_and_joins_them() {
    within_steps(move |step| {
        let (exits, exited) = std_mpsc::channel();
        step.at("Pool::new(2)");
        let pool = Pool::new(2);
        // Three jobs for two workers, held at the gate: two should be in flight at once,
        // and the third should not start until one of them is done.
        step.at("pool.map over 3 items held at a gate");
        let (first, most) = gated_map(&pool, 3, 2, &exits);
        assert!(
            most <= 2,
            "\n{POOL}: a pool of 2 ran {most} jobs at once. Only the pool's own `workers` \
                 threads may run jobs (not a thread per job, not a number of your own): start \
                 them in `new`, and have `map` only send jobs to them.\n"
        );
        assert!(
            most == 2,
            "\n{POOL}: a pool of 2 ran at most {most} job at once, while 3 were waiting. \
                 Start `workers` threads in `new` (the parameter, not a number of your own); do \
                 they all take jobs from the same channel? Does `map` send every job before it \
                 waits for answers?\n"
        );
        step.at("a second pool.map over 2 items held at a gate");
        let (second, _) = gated_map(&pool, 2, 2, &exits);
        let threads: HashSet<ThreadId> = first.into_iter().chain(second).flatten().collect();
        assert!(
            threads.len() == 2,
            "\n{POOL}: two calls of `map` on a pool of 2 ran their jobs on {} different \
                 threads. A pool starts its threads once, in `new`, and reuses them for every \
                 job of every `map`.\n",
            threads.len()
        );
        step.at("drop(pool)");
        drop(pool);
        let ended = exited.try_iter().filter(|id| threads.contains(id)).count();
        assert!(
            ended == threads.len(),
            "\n{POOL}: `drop(pool)` returned while {} of its {} worker threads were still \
                 running: dropping a pool must stop its threads *and wait for them*. In `Drop`, \
                 drop the job `Sender` (each worker's loop then ends), then `join` every \
                 worker.\n",
            threads.len() - ended,
            threads.len()
        );
    });
}

/// Tells when the worker thread that ran item 5 has started a later item, which means item
/// 5's job (and the sending of its outcome) is over. Waits are bounded, so nothing hangs.
#[derive(Default)]
struct MovedOn {
    state: Mutex<(Option<ThreadId>, bool)>, // (item 5's thread, it has moved on)
    changed: Condvar,
}

impl MovedOn {
    fn ran_five(&self) {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).0 = Some(thread::current().id());
    }

    /// A later item: on item 5's thread it says so; on another thread it waits for that, so
    /// the other workers leave the remaining items to item 5's worker.
    fn later_item(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        if state.0 == Some(thread::current().id()) {
            state.1 = true;
            self.changed.notify_all();
        } else {
            drop(state);
            self.wait();
        }
    }

    /// Waits at most a second; after that nobody waits any more (item 5's worker may have
    /// died, in a pool that loses its workers to panics).
    fn wait(&self) {
        let state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let (mut state, _) = self
            .changed
            .wait_timeout_while(state, Duration::from_secs(1), |s| !s.1)
            .unwrap_or_else(PoisonError::into_inner);
        state.1 = true;
        self.changed.notify_all();
    }
}

#[test]
fn exercise_7_2_pool_reports_the_lowest_index_panic_and_keeps_its_workers() {
    within_steps(move |step| {
        step.at("Pool::new(3)");
        let pool = Pool::new(3);
        let (exits, _exited) = std_mpsc::channel();
        step.at("pool.map over 3 items held at a gate");
        let (_, most) = gated_map(&pool, 3, 3, &exits);
        assert!(
            most == 3,
            "\n{POOL}: a pool of 3 ran at most {most} jobs at once, while 3 were waiting. \
                 Start `workers` threads in `new` (the parameter, not a number of your own).\n"
        );
        // Items 1 and 5 panic. Item 1 waits until the worker that ran item 5 has moved on
        // to a later item: by then item 5's panic has been caught and sent, so it is the
        // first to arrive; but the error to report is item 1's, the lowest index.
        let order = Arc::new(MovedOn::default());
        step.at("pool.map over 8 items, 2 of which panic");
        let got = pool.map((0..8).collect::<Vec<u32>>(), move |n| {
            match n {
                5 => {
                    order.ran_five();
                    panic!("item {n} is broken");
                }
                1 => {
                    order.wait();
                    panic!("item {n} is broken");
                }
                n if n > 5 => order.later_item(),
                _ => {}
            }
            n * 10
        });
        let want = PoolError {
            index: 1,
            message: "item 1 is broken".to_owned(),
        };
        match &got {
            Err(error) if error.index == 5 => panic!(
                "\n{POOL}: items 1 and 5 panicked; `map` returned item 5's panic ({error:?}), \
                     the first to arrive. Report the panic of the *lowest* index, whatever the \
                     order they arrive in: receive every answer, and keep the error with the \
                     smallest index.\n"
            ),
            _ => assert!(
                got.as_ref() == Err(&want),
                "\n{POOL}: items 1 and 5 panicked, so `map` should return Err({want:?}); it \
                     returned {got:?}. Catch each panic in its job with \
                     `std::panic::catch_unwind`, turn its payload (a String here) into the \
                     message, and report the lowest index.\n"
            ),
        }
        // All three workers must still be there: three jobs held at a gate, all at once.
        step.at("pool.map over 3 items held at a gate, after the panics");
        let (again, most) = gated_map(&pool, 3, 3, &exits);
        assert!(
            most == 3 && again.is_ok(),
            "\n{POOL}: after two jobs panicked, only {most} of the pool's 3 workers ran \
                 jobs at once (map returned {again:?}): the panics killed workers, and the \
                 pool shrank. Catch each panic inside its job, so the worker lives on.\n"
        );
        step.at("pool.map over 1 item that panics with a &str");
        let literal = pool.map(vec![0_u8], |_| -> u8 { panic!("oven on fire") });
        assert_eq!(
            literal.map_err(|e| e.message),
            Err("oven on fire".to_owned()),
            "\n{POOL}: `panic!(\"oven on fire\")` carries a &'static str: \
                 `payload.downcast_ref::<&str>()`.\n"
        );
        step.at("drop(pool)");
        drop(pool);
    });
}
