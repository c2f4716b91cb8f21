//! Checks for lesson 07's exercises: `cargo test -p lesson-07`.
//!
//! Each check wants the right answers *and* work that really ran on several workers at the
//! same time, read from recorded spans (not from the clock, which a busy machine upsets).
//!
//! Exercise 7.2's checks give your pool a function that panics on purpose: its output may
//! include "thread 'pool-...' panicked at ... item 7 is broken". That is expected.

use std::collections::HashMap;
use std::thread;
use std::time::Duration;

use instruments::Recorder;
use instruments::check::{expect_at_once, within};
use instruments::summary::{distinct_threads, max_concurrent};
use lesson_07::exercises::{Pool, PoolError, frequency};

const FREQUENCY: &str = "exercise 7.1 `frequency` (lessons/lesson-07/src/exercises.rs)";
const POOL: &str = "exercise 7.2 `Pool` (lessons/lesson-07/src/exercises.rs)";

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

#[test]
fn exercise_7_1_frequency_is_exact_on_a_multilingual_corpus() {
    within(FREQUENCY, Duration::from_secs(60), || {
        let got = frequency(&CORPUS, 2, &Recorder::new());
        let facts = [
            ('ß', 1, "'ß' is a lowercase letter of its own"),
            ('ä', 2, "'Ä' counts as 'ä'"),
            (
                'σ',
                4,
                "'Σ' lowercases to 'σ' (char by char, no final-sigma rule)",
            ),
            ('ς', 1, "'ς' is a letter and stays 'ς'"),
            ('ё', 1, "'Ё' counts as 'ё'"),
            ('é', 2, "'é' is one char here, alphabetic"),
            ('ı', 2, "the dotless 'ı' is a letter of its own"),
            (
                '\u{307}',
                1,
                "'İ'.to_lowercase() is 'i' plus U+0307 (a combining dot): count both",
            ),
        ];
        for (letter, count, why) in facts {
            assert_eq!(
                got.get(&letter).copied().unwrap_or(0),
                count,
                "\n{FREQUENCY}: {letter:?} should be counted {count} times: {why}. Count every \
                 char of `c.to_lowercase()` for each `c` with `c.is_alphabetic()`.\n"
            );
        }
        for bad in ['3', '1', ',', '!', ' ', '\n', '—', '.', '?', '\''] {
            assert!(
                !got.contains_key(&bad),
                "\n{FREQUENCY}: {bad:?} was counted, but digits, punctuation and whitespace do \
                 not count: keep only chars with `c.is_alphabetic()`.\n"
            );
        }
        let want = reference(&CORPUS);
        for workers in [1, 2, 3, 4, 6, 50] {
            let got = frequency(&CORPUS, workers, &Recorder::new());
            assert!(
                got == want,
                "\n{FREQUENCY}: with {workers} workers the counts are wrong: {}. Does every \
                 worker's count reach the merged map, each exactly once?\n",
                difference(&got, &want)
            );
        }
        let none = frequency(&[], 3, &Recorder::new());
        assert!(
            none.is_empty(),
            "\n{FREQUENCY}: no texts should give no counts, got {none:?}\n"
        );
    });
}

#[test]
fn exercise_7_1_frequency_counts_on_several_workers_at_once() {
    within(FREQUENCY, Duration::from_secs(120), || {
        // Enough text that each of two workers counts for tens of milliseconds (a second
        // thread starts in well under one): 4800 texts, about 1.1 million chars.
        let texts: Vec<&str> = CORPUS.iter().copied().cycle().take(4_800).collect();
        let texts: Vec<&str> = texts.iter().flat_map(|t| [*t; 5]).collect();
        let recorder = Recorder::new();
        let got = frequency(&texts, 2, &recorder);
        let want = reference(&texts);
        assert!(
            got == want,
            "\n{FREQUENCY}: wrong counts on the large corpus: {}\n",
            difference(&got, &want)
        );
        let spans = recorder.spans_labelled("count");
        assert!(
            spans.len() >= 2,
            "\n{FREQUENCY}: right counts, but {} span(s) labelled \"count\" were recorded with 2 \
             workers. Each worker must count its share inside \
             `recorder.record(format!(\"worker {{i}}\"), \"count\", || ...)`, so the check can \
             see the workers.\n",
            spans.len()
        );
        expect_at_once(
            FREQUENCY,
            &spans,
            2,
            "The shares were counted one after another. Spawn a thread per share first, then \
             join them all (inside `std::thread::scope`), and record each share on its thread.",
        );
    });
}

#[test]
fn exercise_7_2_pool_map_keeps_input_order() {
    within(POOL, Duration::from_secs(60), || {
        let pool = Pool::new(3);
        // Later items finish sooner, so answers collected as they come would be reversed.
        let items: Vec<u64> = (0..24).collect();
        let got = pool.map(items, |n| {
            thread::sleep(Duration::from_millis(24 - n));
            n * n
        });
        let want: Vec<u64> = (0..24).map(|n| n * n).collect();
        assert_eq!(
            got,
            Ok(want),
            "\n{POOL}: `map` should return every answer, in the order of the items (not the \
             order they finish). Send each answer back with its index, and put it in its slot.\n"
        );
        let empty: Result<Vec<u64>, PoolError> = pool.map(Vec::new(), |n: u64| n);
        assert_eq!(
            empty,
            Ok(vec![]),
            "\n{POOL}: no items should give Ok(vec![]).\n"
        );
        let words = pool.map(vec!["pool", "map"], |w: &str| w.len());
        assert_eq!(
            words,
            Ok(vec![4, 3]),
            "\n{POOL}: map(vec![\"pool\", \"map\"], len)\n"
        );
    });
}

#[test]
fn exercise_7_2_pool_runs_at_most_workers_jobs_at_once_on_its_own_threads() {
    within(POOL, Duration::from_secs(60), || {
        let pool = Pool::new(3);
        let recorder = Recorder::new();
        for round in 0..2 {
            let jobs = recorder.clone();
            let got = pool.map((0..12).collect::<Vec<u64>>(), move |n| {
                jobs.record(format!("item {n}"), "job", || {
                    thread::sleep(Duration::from_millis(30));
                    n + 1
                })
            });
            assert_eq!(
                got,
                Ok((1..=12).collect()),
                "\n{POOL}: round {round}: wrong answers\n"
            );
        }
        let spans = recorder.spans_labelled("job");
        assert_eq!(
            spans.len(),
            24,
            "\n{POOL}: 2 rounds of 12 items should run 24 jobs, but {} ran\n",
            spans.len()
        );
        let most = max_concurrent(&spans);
        assert!(
            most <= 3,
            "\n{POOL}: a pool of 3 workers ran {most} jobs at once. Only the pool's own \
             threads may run jobs: start them in `new`, and have `map` only send jobs to them.\n"
        );
        expect_at_once(
            POOL,
            &spans,
            2,
            "A pool of 3 ran one job at a time. Does every worker take jobs from the same \
             channel? Does `map` send all the jobs before it waits for answers?",
        );
        let threads = distinct_threads(&spans);
        assert!(
            threads <= 3,
            "\n{POOL}: two calls of `map` on a pool of 3 ran jobs on {threads} different \
             threads. A pool starts its threads once, in `new`, and reuses them for every job.\n"
        );
    });
}

#[test]
fn exercise_7_2_pool_reports_a_panic_and_keeps_working() {
    within(POOL, Duration::from_secs(30), || {
        let pool = Pool::new(2);
        let got = pool.map((0..10).collect::<Vec<u32>>(), |n| {
            if n == 7 {
                panic!("item {n} is broken");
            }
            n * 10
        });
        assert_eq!(
            got,
            Err(PoolError {
                index: 7,
                message: "item 7 is broken".to_owned()
            }),
            "\n{POOL}: item 7 panicked, so `map` should return Err(PoolError {{ index: 7, \
             message: \"item 7 is broken\" }}). Catch the panic in the job with \
             `std::panic::catch_unwind`, and turn its payload (a String here) into the message.\n"
        );
        let again = pool.map(vec![1_u32, 2, 3], |n| n * 10);
        assert_eq!(
            again,
            Ok(vec![10, 20, 30]),
            "\n{POOL}: after a panic the pool should still work. Does the panic kill a worker \
             thread? Catch it inside the job so the worker lives on.\n"
        );
        let literal = pool.map(vec![0_u8], |_| -> u8 { panic!("oven on fire") });
        assert_eq!(
            literal.map_err(|e| e.message),
            Err("oven on fire".to_owned()),
            "\n{POOL}: `panic!(\"oven on fire\")` carries a &'static str: \
             `payload.downcast_ref::<&str>()`.\n"
        );
    });
}
