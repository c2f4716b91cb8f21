//! What the learner reads about their progress: the status page, and the verdict list that
//! `check` and watch mode's `c` key print the same way.

use std::collections::BTreeMap;

use super::cargo::first_lines;
use super::grade::Verdict;
use super::meta::{Exercise, Workbook};
use super::progress::{Progress, Standing};
use super::style;

/// Lines of a failing verdict shown under its exercise in the list.
const WHY_LINES: usize = 14;

/// A lesson's title, from its chapter's first heading (`# 01. Why concurrency`).
pub fn title(workbook: &Workbook, exercise: &Exercise) -> String {
    std::fs::read_to_string(workbook.root.join(&exercise.chapter))
        .ok()
        .and_then(|text| {
            text.lines()
                .find_map(|l| l.strip_prefix("# ").map(|t| t.trim().to_owned()))
        })
        .unwrap_or_default()
}

fn bar(done: usize, total: usize, width: usize) -> String {
    let filled = (done * width).checked_div(total).unwrap_or(0);
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

/// `status`: every exercise as done / failing / not started, a progress bar, and what is next.
pub fn status(workbook: &Workbook) -> u8 {
    let progress = Progress::load(workbook);
    let total = workbook.exercises.len();
    let done = workbook
        .exercises
        .iter()
        .filter(|e| progress.standing(workbook, e) == Standing::Done)
        .count();
    println!(
        "{}: {done} of {total} exercises done  {} {}%\n",
        style::bold("Concurrency workbook"),
        bar(done, total, 30),
        (done * 100).checked_div(total).unwrap_or(0)
    );
    let mut lesson = String::new();
    for exercise in &workbook.exercises {
        if exercise.lesson != lesson {
            lesson.clone_from(&exercise.lesson);
            println!("{}  {}", style::bold(&lesson), title(workbook, exercise));
        }
        let (mark, word) = match progress.standing(workbook, exercise) {
            Standing::Done => (style::good("✓"), style::good("done")),
            Standing::Failing => (style::bad("✗"), style::bad("failing")),
            Standing::NotStarted => (style::dim("·"), style::dim("not started")),
            Standing::Changed => (
                style::warn("~"),
                style::warn("changed since its last check"),
            ),
        };
        println!("  {mark} {:<4} {:<24} {word}", exercise.id, exercise.name);
    }
    match progress.next(workbook) {
        Some(next) => println!(
            "\nNext: {} {}\n  file:    {}\n  chapter: {}\n\
             `cargo run -- watch` checks it on every save; `cargo run -- hint {}` gives a hint.",
            next.id,
            style::bold(&next.name),
            next.file().display(),
            next.chapter,
            next.name
        ),
        None if done == total => {
            println!("\n{}", style::good("Every exercise is done. Well done!"))
        }
        None => println!("\nSome files changed since their last check: `cargo run -- check`."),
    }
    0
}

/// Prints (through `say`) a line per exercise with its verdict and, under a failing one, the
/// first lines of why and the command that shows it all; records each verdict in `progress`
/// and saves it. Returns how many passed.
pub fn verdicts(
    workbook: &Workbook,
    exercises: &[&Exercise],
    verdicts: &BTreeMap<String, Verdict>,
    progress: &mut Progress,
    say: &mut dyn FnMut(&str),
) -> usize {
    let mut passed = 0;
    for exercise in exercises {
        let verdict = verdicts
            .get(&exercise.name)
            .cloned()
            .unwrap_or(Verdict::NoChecks);
        progress.record(workbook, exercise, verdict.word());
        if verdict.passed() {
            passed += 1;
            say(&format!(
                "{} {:<4} {}",
                style::good("✓"),
                exercise.id,
                exercise.name
            ));
            continue;
        }
        say(&format!(
            "{} {:<4} {:<24} {}",
            style::bad("✗"),
            exercise.id,
            exercise.name,
            style::bad(verdict.word())
        ));
        // Why, in brief: the first lines of the verdict, and the command that shows it all.
        let why = first_lines(&verdict.explain(exercise), WHY_LINES);
        for line in why.lines().skip(1) {
            say(&format!("    {line}"));
        }
        say(&format!(
            "    {}\n",
            style::dim(&format!(
                "all of it: cargo test -p {} --test exercises {}",
                exercise.lesson,
                exercise.test_prefix()
            ))
        ));
    }
    progress.save();
    passed
}
