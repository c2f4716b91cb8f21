//! Lesson 03: race conditions.
//!
//! The tutorials' race: several threads do `counter += 1` on one shared counter, and the total
//! comes out short. Here the racy counter reads and writes with two separate atomic operations
//! (a real race, no undefined behaviour), and three fixes count exactly: a `Mutex`, one atomic
//! `fetch_add`, and counting locally on each thread, then summing.
//!
//! This file holds the code the chapter shows (between `ANCHOR` marks); `racy.rs` holds the
//! racy counter; `exercises/` holds the learner's work (one file per exercise), and
//! `solutions/` the reference answers.

use std::hint::black_box;
use std::sync::Barrier;
use std::thread;

use instruments::compare::{Compared, Outcome};
use instruments::runs::{self, Timed, thousands};
use instruments::{Recorder, Summary};

#[cfg(not(feature = "solutions"))]
pub mod exercises;
#[cfg(feature = "solutions")]
#[path = "solutions/mod.rs"]
pub mod exercises;

pub mod racy;

pub use racy::RacyCounter;

// ANCHOR: sync
/// Where the lesson's counters (and your exercises) take their `Mutex` and atomics from.
///
/// Here they are std's. The loom checks (`tests/exercises.rs`, `tests/racy.rs`) compile the same
/// source files a second time beside a `mod sync` that re-exports loom's versions instead, so
/// loom sees every lock and every atomic operation and can try every interleaving of them.
pub mod sync {
    pub use std::sync::{Arc, Mutex, MutexGuard, PoisonError, atomic};
}
// ANCHOR_END: sync

use sync::Mutex;
use sync::atomic::{AtomicU64, Ordering};

// ANCHOR: on_threads
/// Runs `work` on `threads` scoped threads, and returns what each returned, in thread order.
///
/// The threads wait at a starting line (a `Barrier`) until all of them exist: starting a thread
/// can take longer than a million increments, and threads that run one after another never
/// race. Each thread's work is recorded as a span (`thread 1`, `thread 2`, ...).
pub fn on_threads<T: Send>(
    threads: usize,
    recorder: &Recorder,
    work: impl Fn() -> T + Sync,
) -> Vec<T> {
    let starting_line = Barrier::new(threads);
    thread::scope(|scope| {
        let handles: Vec<_> = (1..=threads)
            .map(|number| {
                let (work, starting_line) = (&work, &starting_line);
                thread::Builder::new()
                    .name(format!("counter-{number}"))
                    .spawn_scoped(scope, move || {
                        starting_line.wait();
                        recorder.record(format!("thread {number}"), "counting", work)
                    })
                    .expect("a counting thread starts")
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a counting thread panicked"))
            .collect()
    })
}
// ANCHOR_END: on_threads

/// The first and the last value one thread wrote into the racy counter.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Window {
    /// What its first increment wrote.
    pub first: u64,
    /// What its last increment wrote.
    pub last: u64,
}

/// What one run of the racy counter did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RacyRun {
    /// Increments made: threads x increments per thread.
    pub expected: u64,
    /// What the counter said at the end.
    pub counted: u64,
    /// For each thread, in thread order, the first and last value it wrote.
    pub windows: Vec<Window>,
}

impl RacyRun {
    /// Increments that were lost.
    pub fn lost(&self) -> u64 {
        self.expected.saturating_sub(self.counted)
    }

    /// The share of increments lost, from 0 to 1.
    pub fn lost_fraction(&self) -> f64 {
        if self.expected == 0 {
            0.0
        } else {
            self.lost() as f64 / self.expected as f64
        }
    }

    /// Whether the threads ran strictly one after another: every thread's values form a block
    /// that ends before the next thread's block begins. Then no two increments could meet.
    pub fn ran_one_after_another(&self) -> bool {
        let mut blocks = self.windows.clone();
        blocks.sort_by_key(|window| window.first);
        blocks.windows(2).all(|pair| pair[0].last < pair[1].first)
    }

    /// Why a run that lost nothing lost nothing, read from the values its threads wrote.
    pub fn why_nothing_was_lost(&self) -> String {
        if !self.ran_one_after_another() {
            return "its threads took turns (their values interleave), but every switch from one \
                    to another fell between two increments, never between a load and its store"
                .to_owned();
        }
        let mut order: Vec<(usize, Window)> = self.windows.iter().copied().enumerate().collect();
        order.sort_by_key(|(_, window)| window.first);
        let order: Vec<String> = order
            .iter()
            .map(|(index, window)| {
                format!(
                    "thread {} wrote {}..={}",
                    index + 1,
                    thousands(window.first),
                    thousands(window.last)
                )
            })
            .collect();
        format!(
            "its threads ran one after another, never at the same time ({})",
            order.join(", ")
        )
    }
}

/// One bar per run, as long as the updates it lost (the longest bar is the largest loss), and a
/// line for each run that lost nothing, saying why.
pub fn lost_histogram(runs: &[RacyRun], width: usize) -> String {
    let most = runs.iter().map(RacyRun::lost).max().unwrap_or(0);
    let mut out = String::new();
    for (number, run) in (1..).zip(runs) {
        out.push_str(&format!(
            "run {number:>2} │{}│ {:>9} lost ({:.1}%)\n",
            bar(run.lost(), most, width),
            thousands(run.lost()),
            100.0 * run.lost_fraction()
        ));
    }
    for (number, run) in (1..).zip(runs).filter(|(_, run)| run.lost() == 0) {
        out.push_str(&format!(
            "run {number} happened to lose nothing: {}.\n",
            run.why_nothing_was_lost()
        ));
    }
    out
}

// ANCHOR: count_racy
/// `threads` threads each increment the racy counter `per_thread` times.
pub fn count_racy(threads: usize, per_thread: u64, recorder: &Recorder) -> RacyRun {
    let counter = RacyCounter::new();
    let windows = on_threads(threads, recorder, || {
        let mut window = Window::default();
        for done in 0..per_thread {
            let wrote = counter.increment();
            if done == 0 {
                window.first = wrote;
            }
            window.last = wrote;
        }
        window
    });
    RacyRun {
        expected: threads as u64 * per_thread,
        counted: counter.get(),
        windows,
    }
}
// ANCHOR_END: count_racy

// ANCHOR: count_with_mutex
/// The tutorials' fix, `with lock: counter += 1`: the count lives *inside* the mutex, so the
/// only way to reach it is to hold the lock.
pub fn count_with_mutex(threads: usize, per_thread: u64, recorder: &Recorder) -> u64 {
    let count = Mutex::new(0_u64);
    on_threads(threads, recorder, || {
        for _ in 0..per_thread {
            // The guard lives until the end of this statement: the read, the add and the write
            // all happen under the lock, so no other thread can read in between.
            *count.lock().expect("no thread panics while counting") += 1;
        }
    });
    count.into_inner().expect("no thread panics while counting")
}
// ANCHOR_END: count_with_mutex

// ANCHOR: count_with_fetch_add
/// One atomic read-modify-write per increment: `fetch_add` reads, adds and writes as a single
/// indivisible operation, so there is no gap for another thread to slip into.
pub fn count_with_fetch_add(threads: usize, per_thread: u64, recorder: &Recorder) -> u64 {
    let count = AtomicU64::new(0);
    on_threads(threads, recorder, || {
        for _ in 0..per_thread {
            // `Relaxed`: a count needs no ordering with any other memory. The final read below
            // still sees every increment, because the scope joins the threads first.
            count.fetch_add(1, Ordering::Relaxed);
        }
    });
    count.load(Ordering::Relaxed)
}
// ANCHOR_END: count_with_fetch_add

// ANCHOR: count_locally_then_sum
/// Share nothing while counting: each thread counts in its own local variable, and the totals
/// are added once, after the threads are done. No lock, no atomic, no race.
pub fn count_locally_then_sum(threads: usize, per_thread: u64, recorder: &Recorder) -> u64 {
    let per_thread_totals = on_threads(threads, recorder, || {
        let mut local = 0_u64;
        for _ in 0..per_thread {
            local += 1;
            // `black_box` makes each `+= 1` really happen, in memory, as the racy counter's do:
            // without it the optimiser turns the loop into `local = per_thread`, and we would be
            // timing nothing.
            black_box(&mut local);
        }
        local
    });
    per_thread_totals.iter().sum()
}
// ANCHOR_END: count_locally_then_sum

/// The racy counter run `runs` times (whether a run loses updates depends on timing).
#[derive(Debug)]
pub struct RacyRuns {
    /// Every run, in the order they ran.
    pub all: Vec<RacyRun>,
    /// The run with the median loss, with its time and spans: the table's row, the timeline.
    pub typical: Timed<RacyRun>,
}

/// Runs the racy counter `runs` times on `threads` threads, `per_thread` increments each.
pub fn racy_runs(runs: usize, threads: usize, per_thread: u64) -> RacyRuns {
    let timed: Vec<_> = (0..runs)
        .map(|_| runs::timed(|r| count_racy(threads, per_thread, r)))
        .collect();
    let all = timed.iter().map(|run| run.value.clone()).collect();
    let typical = runs::median_by_key(timed, |run| run.value.lost());
    RacyRuns { all, typical }
}

impl RacyRuns {
    /// The updates each run lost.
    pub fn lost(&self) -> Vec<u64> {
        self.all.iter().map(RacyRun::lost).collect()
    }

    /// The median run's share of updates lost, in percent.
    pub fn median_lost_percent(&self) -> f64 {
        100.0 * self.typical.value.lost_fraction()
    }

    /// The setting, in words, before the histogram of the runs' losses.
    pub fn setting(runs: usize, threads: usize, per_thread: u64) -> String {
        format!(
            "{threads} threads each add 1 to one counter {} times: expected {}.\n\n\
             The racy counter (load, then store), {runs} runs; each bar is the updates a run lost:",
            thousands(per_thread),
            thousands(threads as u64 * per_thread)
        )
    }

    /// The table: the run with the median loss first, then the `fixes`.
    pub fn before(self, fixes: Compared<u64>) -> Compared<u64> {
        let outcomes = [vec![self.outcome()], fixes.outcomes].concat();
        Compared { outcomes, ..fixes }
    }

    /// The typical run as a comparison outcome beside the fixes', its value the count reached.
    pub fn outcome(self) -> Outcome<u64> {
        let run = self.typical;
        Outcome {
            key: "racy",
            name: "racy load/store".to_owned(),
            elapsed: run.elapsed,
            value: run.value.counted,
            summary: Summary::of(&run.spans),
            spans: run.spans,
            runs: vec![run.elapsed],
        }
    }
}

/// The table's columns for a run that counted to its value, of `expected`.
pub fn columns(run: &Outcome<u64>, expected: u64) -> Vec<(&'static str, serde_json::Value)> {
    let per_increment = run.elapsed.as_secs_f64() * 1e9 / expected as f64;
    vec![
        ("counted", run.value.into()),
        ("lost", expected.saturating_sub(run.value).into()),
        ("ns_per_increment", per_increment.into()),
        ("threads_used", run.summary.threads.into()),
    ]
}

/// A conclusion the demonstration draws: `slower` took longer than `faster`, and why.
#[derive(Debug, Clone, Copy)]
pub struct Conclusion {
    /// The slower variant's key.
    pub slower: &'static str,
    /// The faster variant's key.
    pub faster: &'static str,
    /// Why the slower one is slower.
    pub why: &'static str,
    /// The ratio's `--json` key.
    pub key: &'static str,
}

impl Conclusion {
    /// How many times as long the slower variant took as the faster one.
    pub fn ratio(&self, compared: &Compared<u64>) -> f64 {
        compared.speedup(self.slower, self.faster)
    }

    /// The conclusion in words, from what was measured.
    pub fn verdict(&self, compared: &Compared<u64>) -> String {
        let ratio = self.ratio(compared);
        let why = if ratio > 1.0 {
            self.why
        } else {
            "not slower on this run"
        };
        let (slower, faster) = (
            &compared.get(self.slower).name,
            &compared.get(self.faster).name,
        );
        format!("{slower} took {ratio:.1}x as long as {faster}: {why}.")
    }
}

/// The demonstration's conclusions.
pub const CONCLUSIONS: [Conclusion; 3] = [
    Conclusion {
        slower: "fetch_add",
        faster: "racy",
        why: "each fetch_add must own the counter's cache line",
        key: "fetch_add_vs_racy",
    },
    Conclusion {
        slower: "mutex",
        faster: "fetch_add",
        why: "each increment locks and unlocks; waiters may sleep",
        key: "mutex_vs_fetch_add",
    },
    Conclusion {
        slower: "fetch_add",
        faster: "local_then_sum",
        why: "local counts share nothing until the end",
        key: "fetch_add_vs_local_then_sum",
    },
];

/// The racy runs' verdict, from the updates each run lost and the median share lost.
pub fn racy_verdict(lost: &[u64], median_lost_percent: f64) -> String {
    let (runs, losing) = (lost.len(), lost.iter().filter(|&&lost| lost > 0).count());
    match losing {
        0 => "racy: no run lost an update this time (see above for why); loom still finds the \
              race: cargo test -p lesson-03 --test racy."
            .to_owned(),
        n if n == runs => format!(
            "racy: all {runs} runs lost updates; the median run of the {runs} lost \
             {median_lost_percent:.1}%."
        ),
        n => format!(
            "racy: {n} of {runs} runs lost updates, {} lost none: a clean run proves nothing. \
             The median run of all {runs} (the table's row) lost {median_lost_percent:.1}%.",
            runs - n
        ),
    }
}

/// A bar `width` cells long, filled in proportion to `value / largest`.
pub fn bar(value: u64, largest: u64, width: usize) -> String {
    let filled = if largest == 0 {
        0
    } else {
        ((value as f64 / largest as f64) * width as f64).round() as usize
    };
    let filled = filled.min(width);
    // A loss too small for one cell still shows, so "lost a few" never looks like "lost none".
    let filled = if value > 0 { filled.max(1) } else { 0 };
    format!("{}{}", "█".repeat(filled), " ".repeat(width - filled))
}

/// The tutorials' own racy program in CPython (`python/racy_counter.py`), when `python3` is
/// installed: four threads doing `counter += 1` on one global, `per_thread` times each, `runs`
/// times in each of three ways (as written; after `sys.setswitchinterval(1e-6)`; with a call
/// between the read and the write). Derives `python_version` and `python_lost_plain`,
/// `python_lost_switch`, `python_lost_call` (the updates each run lost) for `--json`, and
/// returns the lines to print. Without `python3`, one line says so and the lesson carries on.
pub fn python_race(lesson: &mut instruments::Lesson, per_thread: u64, runs: usize) -> Vec<String> {
    use instruments::python;
    let script = python::script(env!("CARGO_MANIFEST_DIR"), "racy_counter.py");
    let args = [per_thread.to_string(), runs.to_string()];
    let report = match python::run(&script, &args, std::time::Duration::from_secs(180)) {
        Ok(report) => report,
        Err(error) => {
            lesson.derive("python_version", format!("not run: {error}"));
            return vec![format!(
                "CPython (python/racy_counter.py): not run, {error}."
            )];
        }
    };
    let version = report["python"].as_str().unwrap_or("?").to_owned();
    lesson.derive("python_version", version.clone());
    let threads = report["threads"].as_u64().unwrap_or(4);
    let mut lines = vec![format!(
        "CPython {version}, the tutorials' racy counter: {threads} threads x {} increments, \
         {runs} runs each way:",
        thousands(per_thread)
    )];
    for (key, way) in [
        ("plain", "as the tutorials write it"),
        ("switch", "with sys.setswitchinterval(1e-6)"),
        ("call", "with a call between read and write"),
    ] {
        let lost: Vec<u64> = report[key]
            .as_array()
            .map(|all| all.iter().filter_map(serde_json::Value::as_u64).collect())
            .unwrap_or_default();
        lesson.derive(&format!("python_lost_{key}"), lost.clone());
        lines.push(format!(
            "- {way}: {}",
            python_losses(&lost, threads * per_thread)
        ));
    }
    lines
}

/// "0 of 10 runs lost updates", or "10 of 10 runs lost updates, from 940,694 to 1,837,012 of
/// 4,000,000 (23.5% to 45.9%)".
pub fn python_losses(lost: &[u64], expected: u64) -> String {
    let losing: Vec<u64> = lost.iter().copied().filter(|&l| l > 0).collect();
    let summary = format!("{} of {} runs lost updates", losing.len(), lost.len());
    let (Some(least), Some(most)) = (losing.iter().min(), losing.iter().max()) else {
        return summary;
    };
    let percent = |n: u64| 100.0 * n as f64 / expected.max(1) as f64;
    format!(
        "{summary}, from {} to {} of {} ({:.1}% to {:.1}%)",
        thousands(*least),
        thousands(*most),
        thousands(expected),
        percent(*least),
        percent(*most)
    )
}

#[cfg(all(test, feature = "solutions"))]
mod tests {
    use super::*;

    fn run(windows: &[(u64, u64)], counted: u64) -> RacyRun {
        RacyRun {
            expected: 4,
            counted,
            windows: windows
                .iter()
                .map(|&(first, last)| Window { first, last })
                .collect(),
        }
    }

    #[test]
    fn the_fixes_count_exactly() {
        let recorder = Recorder::new();
        assert_eq!(count_with_mutex(4, 10_000, &recorder), 40_000);
        assert_eq!(count_with_fetch_add(4, 10_000, &recorder), 40_000);
        assert_eq!(count_locally_then_sum(4, 10_000, &recorder), 40_000);
        // One span per thread per run, on four distinct threads.
        let spans = recorder.spans_labelled("counting");
        assert_eq!(spans.len(), 12);
        assert_eq!(instruments::summary::distinct_threads(&spans[..4]), 4);
    }

    #[test]
    fn racy_counter_never_counts_more_than_was_added() {
        let report = count_racy(2, 10_000, &Recorder::new());
        assert!(report.counted <= 20_000);
        assert_eq!(report.windows.len(), 2);
    }

    #[test]
    fn blocks_one_after_another_are_recognised_in_any_thread_order() {
        let sequential = run(&[(3, 4), (1, 2)], 4);
        assert!(sequential.ran_one_after_another());
        let why = sequential.why_nothing_was_lost();
        assert!(
            why.contains("one after another")
                && why.contains("thread 2 wrote 1..=2, thread 1 wrote 3..=4"),
            "{why}"
        );
        let interleaved = run(&[(1, 4), (2, 3)], 4);
        assert!(!interleaved.ran_one_after_another());
        assert!(interleaved.why_nothing_was_lost().contains("took turns"));
        assert_eq!(run(&[(1, 2), (2, 3)], 3).lost(), 1);
    }

    #[test]
    fn histogram_has_a_bar_per_run_and_explains_clean_runs() {
        let runs = [run(&[(1, 2), (2, 3)], 3), run(&[(3, 4), (1, 2)], 4)];
        let drawn = lost_histogram(&runs, 4);
        let lines: Vec<&str> = drawn.lines().collect();
        assert_eq!(lines[0], "run  1 │████│         1 lost (25.0%)", "{drawn}");
        assert_eq!(lines[1], "run  2 │    │         0 lost (0.0%)", "{drawn}");
        assert!(lines[2].starts_with("run 2 happened to lose nothing: its threads ran one after"));
    }

    #[test]
    fn numbers_and_bars_read_well() {
        assert_eq!(bar(5, 10, 4), "██  ");
        assert_eq!(bar(1, 1_000, 4), "█   ");
        assert_eq!(bar(0, 0, 3), "   ");
    }
}
