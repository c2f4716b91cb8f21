//! How the demonstration (`main.rs`) words and tabulates what it measured.

use std::time::Duration;

use instruments::runs::{Timed, thousands, timed};
use instruments::summary::max_concurrent;
use instruments::{Lesson, Measurement, Span};

use crate::tracked::Deadlock;
use crate::{Outcome, dinner, left_then_right, lower_fork_first, opposite_transfers};
use crate::{transfer_from_first, transfer_lower_id_first};

/// The watchdog's report, one line per waiting thread, or `None` if it saw no deadlock.
pub fn describe(deadlock: &Deadlock) -> String {
    let mut text = format!(
        "watchdog: DEADLOCK. No lock was taken for {} ms, and the waits form a cycle:\n",
        deadlock.stalled_for.as_millis()
    );
    for wait in &deadlock.cycle {
        text.push_str(&format!("  {wait}\n"));
    }
    text
}

/// The cycle as a list of sentences, for `--json`.
pub fn cycle(outcome: &Outcome) -> Vec<String> {
    outcome.deadlock.as_ref().map_or_else(Vec::new, |deadlock| {
        deadlock.cycle.iter().map(ToString::to_string).collect()
    })
}

/// A table row for a watched run (transfers, dinner): rounds completed, out of how many,
/// whether it deadlocked; and its timeline.
pub fn watched(lesson: &mut Lesson, name: &str, run: &Timed<Outcome>, planned: u64) {
    let deadlock = match &run.value.deadlock {
        Some(deadlock) => format!("yes, {} threads", deadlock.cycle.len()),
        None => "no".to_owned(),
    };
    lesson.measure(
        Measurement::new(name, run.elapsed)
            .with("completed", run.value.total())
            .with("planned", planned)
            .with("deadlock", deadlock),
    );
    lesson.timeline(name, run.spans.clone());
    lesson.draw_timelines(); // each on its own scale: a deadlock stops a run early
}

/// A table row for a readers-and-writer run; returns how many readers held the lock at once.
pub fn readers(lesson: &mut Lesson, name: &str, run: &Timed<()>) -> usize {
    let reads: Vec<Span> = run
        .spans
        .iter()
        .filter(|span| span.label == crate::READS)
        .cloned()
        .collect();
    let at_once = max_concurrent(&reads);
    // The writer is alone if no reader's span overlaps its span.
    let writer_alone = run
        .spans
        .iter()
        .filter(|span| span.label == crate::WRITES)
        .all(|write| !reads.iter().any(|read| read.overlaps(write)));
    lesson.measure(
        Measurement::new(name, run.elapsed)
            .with("readers_at_once", at_once)
            .with("writer_alone", if writer_alone { "yes" } else { "NO" }),
    );
    lesson.timeline(name, run.spans.clone());
    at_once
}

/// `20,000 of 20,000`.
pub fn of(done: u64, planned: u64) -> String {
    format!("{} of {}", thousands(done), thousands(planned))
}

/// Silences the default panic message of the lesson's deliberate panics (poisoning), so the
/// report is not interrupted by it; any other panic is reported as usual.
pub fn quiet_deliberate_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .copied()
            .unwrap_or_default();
        if !message.starts_with("deliberate panic") {
            default(info);
        }
    }));
}

/// Separates a run's second result from the timed first one: `(run of the outcome, money)`.
pub fn split<T, U>(run: Timed<(T, U)>) -> (Timed<T>, U) {
    let Timed {
        elapsed,
        value: (first, second),
        spans,
    } = run;
    (
        Timed {
            elapsed,
            value: first,
            spans,
        },
        second,
    )
}

/// Says whether a run that should not deadlock did (it never should).
fn verdict(outcome: &Outcome) -> &'static str {
    match outcome.deadlock {
        Some(_) => "DEADLOCK reported",
        None => "the watchdog saw no deadlock",
    }
}

/// The headline: opposite transfers deadlock when each locks its paying account first, and
/// complete when both lock the lower id first. Returns the headline, in one sentence.
pub fn transfers(lesson: &mut Lesson, per_thread: u64, pause: Duration, stall: Duration) -> String {
    let planned = 2 * per_thread;
    lesson.say(format!(
        "Two threads each make {} transfers of 1, in opposite directions:",
        thousands(per_thread)
    ));
    // A deadlock needs the two threads to meet mid-transfer; if one finished before the other
    // started, there was none to see: try again, up to three times, and say so.
    let mut tries = 0;
    let naive = loop {
        tries += 1;
        let run = timed(|r| opposite_transfers(transfer_from_first, per_thread, pause, stall, r));
        if run.value.0.deadlock.is_some() || tries == 3 {
            break split(run).0;
        }
    };
    let (fixed, money) = split(timed(|r| {
        opposite_transfers(transfer_lower_id_first, per_thread, pause, stall, r)
    }));
    let done = of(naive.value.total(), planned);
    lesson.say(match &naive.value.deadlock {
        Some(deadlock) => format!(
            "paying account first (try {tries}): {done} transfers done, then\n{}",
            describe(deadlock)
        ),
        None => format!(
            "paying account first: no deadlock in {tries} tries ({done} transfers done): the \
             threads never met mid-transfer.\n"
        ),
    });
    lesson.say(format!(
        "lower id first: {} transfers done, {}; money in the bank {} (it started with {}).\n",
        of(fixed.value.total(), planned),
        verdict(&fixed.value),
        thousands(money),
        thousands(2_000_000)
    ));
    lesson.derive("deadlock_detected", naive.value.deadlock.is_some());
    lesson.derive("deadlock_cycle", cycle(&naive.value));
    lesson.derive("deadlock_tries", tries);
    lesson.derive("fixed_transfers_completed", fixed.value.total());
    lesson.derive("fixed_deadlock_detected", fixed.value.deadlock.is_some());
    lesson.derive("money_conserved", money == 2_000_000);
    watched(lesson, "transfers: paying account first", &naive, planned);
    watched(lesson, "transfers: lower id first", &fixed, planned);
    let fixed = match (fixed.value.total() == planned, money == 2_000_000) {
        (true, true) => format!(
            "fixed: lower id first completed all {} transfers",
            thousands(planned)
        ),
        _ => "NOT fixed: lower id first did not complete every transfer".to_owned(),
    };
    match &naive.value.deadlock {
        Some(deadlock) => format!(
            "Headline: deadlock detected (a cycle of {} threads, after {} transfers), then {fixed}, \
             money conserved.",
            deadlock.cycle.len(),
            thousands(naive.value.total())
        ),
        None => format!("Headline: no deadlock came in {tries} tries this time; {fixed}."),
    }
}

/// The dining philosophers: left fork first deadlocks (when all five hold one fork at once),
/// lower fork first does not.
pub fn philosophers(lesson: &mut Lesson, meals: u64, reach: Duration, stall: Duration) {
    let planned = 5 * meals;
    lesson.say(format!(
        "Five philosophers each eat {meals} meals; each meal needs the forks on both sides:"
    ));
    let left = timed(|r| dinner(left_then_right, meals, reach, stall, r));
    let ordered = timed(|r| dinner(lower_fork_first, meals, reach, stall, r));
    let eaten = of(left.value.total(), planned);
    lesson.say(match &left.value.deadlock {
        Some(deadlock) => format!(
            "left fork first: {eaten} meals eaten, then\n{}",
            describe(deadlock)
        ),
        None => format!("left fork first: no deadlock this time ({eaten} meals eaten).\n"),
    });
    lesson.say(format!(
        "lower fork first: {} meals eaten, {}.\n",
        of(ordered.value.total(), planned),
        verdict(&ordered.value)
    ));
    lesson.derive(
        "philosophers_deadlock_detected",
        left.value.deadlock.is_some(),
    );
    lesson.derive("philosophers_cycle", cycle(&left.value));
    lesson.derive("philosophers_fixed_meals", ordered.value.total());
    watched(lesson, "dinner: left fork first", &left, planned);
    watched(lesson, "dinner: lower fork first", &ordered, planned);
}
