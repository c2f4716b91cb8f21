//! The comparison layer every demonstration shares: declare the variants, run them in turns,
//! keep the median (or the best) run of each, and hand the results to the lesson's report.
//!
//! A lesson says *what* it compares; this module does the rest the same way everywhere:
//!
//! - each variant has a stable snake_case **key** (the `--json` name, never derived from the
//!   display name) and a display **name** (the table and the timeline);
//! - the variants run **in turns** (`a b c a b c ...`), so a busy moment on a shared machine
//!   falls on any of them rather than all on one;
//! - of the repeats, the **median** run is kept (or the **best**, where the lesson says why:
//!   e.g. "the run least disturbed by other programs" for a CPU speedup);
//! - the results are typed: a lesson phrases its verdicts from [`Compared::get`] and
//!   [`Compared::speedup`], never by reading numbers back out of the JSON report.
//!
//! ```
//! use std::time::Duration;
//! use instruments::compare::{Comparison, Keep};
//!
//! let compared = Comparison::new()
//!     .variant("sequential", "one after another", |recorder| {
//!         for task in ["a", "b"] {
//!             recorder.record(task, "wait", || std::thread::sleep(Duration::from_millis(2)));
//!         }
//!     })
//!     .variant("threads", "two threads", |recorder| {
//!         // Each waits for the other inside its span, so the two spans overlap on any machine
//!         // (two sleeps of 2 ms may not: a busy machine can start one after the other ended).
//!         let both = std::sync::Barrier::new(2);
//!         std::thread::scope(|scope| {
//!             for task in ["a", "b"] {
//!                 let both = &both;
//!                 scope.spawn(move || recorder.record(task, "wait", || { both.wait(); }));
//!             }
//!         });
//!     })
//!     .repeats(3, Keep::Median)
//!     .run();
//! assert_eq!(compared.get("threads").name, "two threads");
//! assert_eq!(compared.get("threads").summary.max_concurrent, 2);
//! assert!(compared.speedup("sequential", "threads") > 0.0);
//! ```

use std::time::Duration;

use serde_json::Value;

use crate::lesson::{Lesson, Measurement};
use crate::record::{Recorder, Span};
use crate::runs::timed;
use crate::summary::{Summary, ratio_to_ideal, speedup};

/// Which of a variant's repeated runs is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// The middle run by wall time: the typical run.
    Median,
    /// The fastest run: the one least disturbed by other programs (for CPU speedups).
    Best,
}

type Run<'a, T> = Box<dyn FnMut(&Recorder) -> T + 'a>;

struct Variant<'a, T> {
    key: &'static str,
    name: String,
    run: Run<'a, T>,
}

/// The variants to compare, and how often to run them. Build with [`Comparison::new`].
pub struct Comparison<'a, T> {
    variants: Vec<Variant<'a, T>>,
    repeats: usize,
    keep: Keep,
}

impl<T> std::fmt::Debug for Comparison<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let keys: Vec<&str> = self.variants.iter().map(|v| v.key).collect();
        f.debug_struct("Comparison")
            .field("variants", &keys)
            .field("repeats", &self.repeats)
            .field("keep", &self.keep)
            .finish()
    }
}

impl<T> Default for Comparison<'_, T> {
    fn default() -> Self {
        Comparison {
            variants: Vec::new(),
            repeats: 1,
            keep: Keep::Median,
        }
    }
}

/// One variant's kept run.
#[derive(Debug, Clone)]
pub struct Outcome<T> {
    /// The stable key (`--json`).
    pub key: &'static str,
    /// The display name (table, timeline).
    pub name: String,
    /// The kept run's wall time.
    pub elapsed: Duration,
    /// What the kept run returned.
    pub value: T,
    /// What the kept run recorded.
    pub spans: Vec<Span>,
    /// Overlap, threads and spans at once, of the kept run.
    pub summary: Summary,
    /// Every run's wall time, in the order they ran.
    pub runs: Vec<Duration>,
}

/// What a comparison measured: one [`Outcome`] per variant, in the order declared.
#[derive(Debug, Clone)]
pub struct Compared<T> {
    pub outcomes: Vec<Outcome<T>>,
    pub keep: Keep,
}

impl<'a, T> Comparison<'a, T> {
    /// No variants yet; one run each, the median kept.
    pub fn new() -> Self {
        Comparison::default()
    }

    /// Adds a variant: its stable `key` (snake_case), its display `name`, and the run, which
    /// records its spans on the recorder it is given.
    ///
    /// # Panics
    /// If the key is not snake_case or is used twice: a programming error in the lesson.
    pub fn variant(
        mut self,
        key: &'static str,
        name: impl Into<String>,
        run: impl FnMut(&Recorder) -> T + 'a,
    ) -> Self {
        assert!(
            !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "variant key `{key}` must be snake_case"
        );
        assert!(
            self.variants.iter().all(|v| v.key != key),
            "variant key `{key}` is used twice"
        );
        self.variants.push(Variant {
            key,
            name: name.into(),
            run: Box::new(run),
        });
        self
    }

    /// Runs each variant `repeats` times (at least once), in turns, and keeps one run each.
    pub fn repeats(mut self, repeats: usize, keep: Keep) -> Self {
        self.repeats = repeats.max(1);
        self.keep = keep;
        self
    }

    /// Runs the variants in turns and keeps one run of each.
    pub fn run(mut self) -> Compared<T> {
        let mut runs: Vec<Vec<_>> = self.variants.iter().map(|_| Vec::new()).collect();
        for _ in 0..self.repeats {
            for (variant, kept) in self.variants.iter_mut().zip(&mut runs) {
                kept.push(timed(&mut variant.run));
            }
        }
        let outcomes = self
            .variants
            .into_iter()
            .zip(runs)
            .map(|(variant, mut runs)| {
                let times: Vec<Duration> = runs.iter().map(|r| r.elapsed).collect();
                runs.sort_by_key(|r| r.elapsed);
                let kept = match self.keep {
                    Keep::Best => runs.swap_remove(0),
                    Keep::Median => runs.swap_remove(runs.len() / 2),
                };
                Outcome {
                    key: variant.key,
                    name: variant.name,
                    elapsed: kept.elapsed,
                    summary: Summary::of(&kept.spans),
                    value: kept.value,
                    spans: kept.spans,
                    runs: times,
                }
            })
            .collect();
        Compared {
            outcomes,
            keep: self.keep,
        }
    }
}

/// What [`Compared::report`] adds to each row besides the time.
#[derive(Debug, Clone, Copy, Default)]
pub struct Columns<'k> {
    /// A `speedup` column against this variant's time.
    pub speedup_over: Option<&'k str>,
    /// A `ratio_to_ideal` column against this time.
    pub ideal: Option<Duration>,
    /// `threads_used` and `most_at_once` columns from the recorded spans.
    pub spans: bool,
}

impl<T> Compared<T> {
    /// The outcome of the variant with this key.
    ///
    /// # Panics
    /// If no variant has the key: a programming error in the lesson.
    pub fn get(&self, key: &str) -> &Outcome<T> {
        self.outcomes
            .iter()
            .find(|o| o.key == key)
            .unwrap_or_else(|| panic!("no variant has the key `{key}`"))
    }

    /// How many times faster `to` ran than `from` (above 1: faster).
    pub fn speedup(&self, from: &str, to: &str) -> f64 {
        speedup(self.get(from).elapsed, self.get(to).elapsed)
    }

    /// `elapsed / ideal` for one variant (1.0 is perfect).
    pub fn ratio_to_ideal(&self, key: &str, ideal: Duration) -> f64 {
        ratio_to_ideal(self.get(key).elapsed, ideal)
    }

    /// Adds a table row and a timeline per variant to the lesson, with the columns asked for,
    /// and `figures` for any column of the lesson's own (by key, `None` for no value).
    pub fn report(
        &self,
        lesson: &mut Lesson,
        columns: Columns<'_>,
        figures: impl FnMut(&Outcome<T>) -> Vec<(&'static str, Value)>,
    ) {
        self.rows(lesson, columns, figures);
        for outcome in &self.outcomes {
            lesson.timeline(outcome.name.clone(), outcome.spans.clone());
        }
    }

    /// Like [`Compared::report`], rows only: for a lesson that titles its timelines otherwise,
    /// or draws none (a run of 1000 threads is a table row, not a picture).
    pub fn rows(
        &self,
        lesson: &mut Lesson,
        columns: Columns<'_>,
        mut figures: impl FnMut(&Outcome<T>) -> Vec<(&'static str, Value)>,
    ) {
        for outcome in &self.outcomes {
            let mut row = Measurement::new(outcome.name.clone(), outcome.elapsed).key(outcome.key);
            if let Some(base) = columns.speedup_over {
                row = row.with("speedup", self.speedup(base, outcome.key));
            }
            if let Some(ideal) = columns.ideal {
                row = row.with("ratio_to_ideal", ratio_to_ideal(outcome.elapsed, ideal));
            }
            if columns.spans {
                row = row
                    .with("threads_used", outcome.summary.threads)
                    .with("most_at_once", outcome.summary.max_concurrent);
            }
            for (column, value) in figures(outcome) {
                row = row.with(column, value);
            }
            lesson.measure(row);
        }
    }
}

/// How a measured ratio reads against its ideal: "within 5% of the ideal" or how far off.
/// `ratio` is measured/ideal for times (lower is better, 1.0 ideal).
pub fn against_ideal(ratio: f64, tolerance: f64) -> String {
    if !ratio.is_finite() {
        "not measured".to_owned()
    } else if ratio <= 1.0 + tolerance {
        format!("within {:.0}% of the ideal", tolerance * 100.0)
    } else {
        format!(
            "{:.0}% over the ideal (more than {:.0}%: a busy machine?)",
            (ratio - 1.0) * 100.0,
            tolerance * 100.0
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn variants_run_in_turns_and_the_median_or_best_is_kept() {
        let order = std::cell::RefCell::new(Vec::new());
        let slow = Cell::new(0_u64);
        let compared = Comparison::new()
            .variant("a", "A", |_| {
                order.borrow_mut().push('a');
                // 3 ms, 1 ms, 2 ms: the median is the 2 ms run, the best the 1 ms one.
                let pause = [3, 1, 2][slow.get() as usize % 3];
                slow.set(slow.get() + 1);
                std::thread::sleep(Duration::from_millis(pause * 10));
                pause
            })
            .variant("b", "B", |_| {
                order.borrow_mut().push('b');
                0
            })
            .repeats(3, Keep::Median)
            .run();
        assert_eq!(order.borrow().iter().collect::<String>(), "ababab");
        assert_eq!(compared.get("a").value, 2);
        assert_eq!(compared.get("a").runs.len(), 3);
        let best = Comparison::new()
            .variant("a", "A", |_| {
                let pause = [3, 1, 2][slow.get() as usize % 3];
                slow.set(slow.get() + 1);
                std::thread::sleep(Duration::from_millis(pause * 10));
                pause
            })
            .repeats(3, Keep::Best)
            .run();
        assert_eq!(best.get("a").value, 1);
    }

    #[test]
    #[should_panic(expected = "must be snake_case")]
    fn keys_are_snake_case() {
        let _ = Comparison::<()>::new().variant("Tokio, one thread", "x", |_| ());
    }

    #[test]
    fn verdicts_read_the_ratio() {
        assert_eq!(against_ideal(1.03, 0.05), "within 5% of the ideal");
        assert!(against_ideal(1.2, 0.05).starts_with("20% over the ideal"));
    }
}
