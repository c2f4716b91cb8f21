//! From check results to a verdict per exercise, and the words that verdict is shown in.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::thread;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

use super::Problem;
use super::cargo::{self, TestResult, TestRun};
use super::meta::{Exercise, Workbook};
use super::style;

/// Lines of a failing check's message shown before the rest is cut.
const MESSAGE_LINES: usize = 60;

/// How an exercise stands after its checks ran.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Every check passed.
    Passed,
    /// Some checks failed; their results, with messages.
    Failed(Vec<TestResult>),
    /// The lesson did not compile; its first error.
    CompileError(String),
    /// The checks were stopped after the timeout; the checks that had not finished.
    TimedOut { after: Duration, hung: Vec<String> },
    /// No check ran for it (the metadata or the test names are off).
    NoChecks,
}

impl Verdict {
    pub fn passed(&self) -> bool {
        matches!(self, Verdict::Passed)
    }

    /// One word for lists and the progress file.
    pub fn word(&self) -> &'static str {
        match self {
            Verdict::Passed => "done",
            // A check that stopped a hung answer itself (instruments::check::within says
            // "timed out after ...") is a hang, not a wrong result.
            Verdict::Failed(failures)
                if failures
                    .iter()
                    .any(|f| f.message.contains("timed out after")) =>
            {
                "timed out"
            }
            Verdict::Failed(_) => "failing",
            Verdict::CompileError(_) => "does not compile",
            Verdict::TimedOut { .. } => "timed out",
            Verdict::NoChecks => "no checks",
        }
    }

    /// The verdict as the learner reads it: what happened and what to do.
    pub fn explain(&self, exercise: &Exercise) -> String {
        let name = format!("{} {}", exercise.id, exercise.name);
        match self {
            Verdict::Passed => format!(
                "{} {name} passes every check.\nCompare your answer with the reference: {}",
                style::good("✓"),
                exercise.solution().display()
            ),
            Verdict::Failed(failures) => {
                let mut text = format!(
                    "{} {name}: {} of its checks failed.\n",
                    style::bad("✗"),
                    failures.len()
                );
                for failure in failures {
                    text.push_str(&format!("\n{}\n", style::bold(&failure.name)));
                    let message = if failure.message.is_empty() {
                        "(the check printed no message)"
                    } else {
                        &failure.message
                    };
                    text.push_str(&cargo::first_lines(message, MESSAGE_LINES));
                    text.push('\n');
                }
                text.push_str(&format!(
                    "\nEdit {}; `h` (or `cargo run -- hint {}`) gives a hint.",
                    exercise.file().display(),
                    exercise.name
                ));
                text
            }
            Verdict::CompileError(error) => format!(
                "{} {name}: {} does not compile. The first error:\n\n{error}\n",
                style::bad("✗"),
                exercise.lesson
            ),
            Verdict::TimedOut { after, hung } => format!(
                "{} {name}: timed out after {} s ({} did not finish). Is something waiting for \
                 a lock or a channel that never comes? A deadlock never ends by itself, so the \
                 runner stopped it.",
                style::bad("✗"),
                after.as_secs(),
                hung.join(", ")
            ),
            Verdict::NoChecks => format!(
                "{} {name}: no check ran (expected tests named `{}*` in lessons/{}/tests/exercises.rs).",
                style::warn("?"),
                exercise.test_prefix(),
                exercise.lesson
            ),
        }
    }
}

/// The verdict of each exercise of a lesson from one run of its checks.
fn grade(
    workbook: &Workbook,
    lesson: &str,
    run: &TestRun,
    timeout: Duration,
) -> Vec<(String, Verdict)> {
    workbook
        .of_lesson(lesson)
        .map(|exercise| {
            let results: Vec<&TestResult> = run
                .results
                .iter()
                .filter(|r| exercise.owns(&r.name))
                .collect();
            let failed: Vec<TestResult> = results
                .iter()
                .filter(|r| !r.passed)
                .map(|r| (*r).clone())
                .collect();
            let hung: Vec<String> = run
                .unfinished
                .iter()
                .filter(|name| exercise.owns(name))
                .cloned()
                .collect();
            let verdict = if !hung.is_empty() {
                // A hang is the news: a deadlock is worth more attention than a failed check.
                Verdict::TimedOut {
                    after: timeout,
                    hung,
                }
            } else if !failed.is_empty() {
                Verdict::Failed(failed)
            } else if results.is_empty() {
                Verdict::NoChecks
            } else {
                Verdict::Passed
            };
            (exercise.name.clone(), verdict)
        })
        .collect()
}

/// Checks one exercise: builds its lesson, runs only its checks.
pub fn check_one(
    workbook: &Workbook,
    exercise: &Exercise,
    timeout: Duration,
) -> Result<Verdict, Problem> {
    check_one_in(workbook, exercise, timeout, None)
}

/// [`check_one`], building in `target` if given.
pub fn check_one_in(
    workbook: &Workbook,
    exercise: &Exercise,
    timeout: Duration,
    target: Option<&std::path::Path>,
) -> Result<Verdict, Problem> {
    let lessons = [exercise.lesson.clone()];
    let build = cargo::build(&workbook.root, &lessons, false, target)?;
    if let Some(error) = build.errors.get(&exercise.lesson) {
        return Ok(Verdict::CompileError(error.clone()));
    }
    let Some(binary) = build.binaries.get(&exercise.lesson) else {
        return Ok(Verdict::NoChecks);
    };
    let prefix = exercise.test_prefix();
    let run = cargo::run(
        &workbook.root,
        &exercise.lesson,
        binary,
        Some(&prefix),
        timeout,
    )?;
    let verdicts = grade(workbook, &exercise.lesson, &run, timeout);
    Ok(verdicts
        .into_iter()
        .find(|(name, _)| *name == exercise.name)
        .map_or(Verdict::NoChecks, |(_, verdict)| verdict))
}

/// What checking several lessons gave.
#[derive(Debug, Default)]
pub struct Checked {
    /// The verdict of each exercise, by name.
    pub verdicts: BTreeMap<String, Verdict>,
    /// The checks each lesson ran, with their results (for `verify`).
    pub ran: BTreeMap<String, Vec<TestResult>>,
}

/// How [`check_lessons`] runs.
#[derive(Debug, Clone, Copy)]
pub struct CheckOptions {
    /// A check still running after this is stopped (and reported as timed out).
    pub timeout: Duration,
    /// Check the reference answers instead of the learner's (maintainers: `verify`).
    pub solutions: bool,
    /// Draw a progress bar on standard error.
    pub progress_bar: bool,
}

impl CheckOptions {
    /// The learner's answers, without a progress bar.
    pub fn learner(timeout: Duration) -> CheckOptions {
        CheckOptions {
            timeout,
            solutions: false,
            progress_bar: false,
        }
    }
}

/// Checks every exercise of `lessons`: one build for all of them (cargo uses every core), then
/// the lessons' checks run in parallel, as many at once as there are cores.
pub fn check_lessons(
    workbook: &Workbook,
    lessons: &[String],
    options: CheckOptions,
) -> Result<Checked, Problem> {
    let CheckOptions {
        timeout,
        solutions,
        progress_bar,
    } = options;
    let bar = if progress_bar {
        ProgressBar::new(lessons.len() as u64 + 1)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} {msg}")
            .expect("a valid template")
            .progress_chars("█▌░"),
    );
    bar.enable_steady_tick(Duration::from_millis(120));
    bar.set_message("building the checks");
    let build = cargo::build(&workbook.root, lessons, solutions, None)?;
    bar.inc(1);

    let verdicts = Mutex::new(BTreeMap::new());
    let ran = Mutex::new(BTreeMap::new());
    let queue = Mutex::new(lessons.iter().collect::<Vec<_>>());
    let workers = thread::available_parallelism()
        .map_or(1, usize::from)
        .min(lessons.len().max(1));
    let failure: Mutex<Option<Problem>> = Mutex::new(None);
    thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                // Each worker takes the next lesson until none are left.
                while let Some(lesson) = queue.lock().expect("queue").pop() {
                    bar.set_message(format!("checking {lesson}"));
                    let graded = if let Some(error) = build.errors.get(lesson) {
                        workbook
                            .of_lesson(lesson)
                            .map(|e| (e.name.clone(), Verdict::CompileError(error.clone())))
                            .collect()
                    } else if let Some(binary) = build.binaries.get(lesson) {
                        match cargo::run(&workbook.root, lesson, binary, None, timeout) {
                            Ok(run) => {
                                ran.lock()
                                    .expect("ran")
                                    .insert(lesson.clone(), run.results.clone());
                                grade(workbook, lesson, &run, timeout)
                            }
                            Err(problem) => {
                                *failure.lock().expect("failure") = Some(problem);
                                Vec::new()
                            }
                        }
                    } else {
                        Vec::new()
                    };
                    verdicts.lock().expect("verdicts").extend(graded);
                    bar.inc(1);
                }
            });
        }
    });
    bar.finish_and_clear();
    if let Some(problem) = failure.into_inner().expect("failure") {
        return Err(problem);
    }
    Ok(Checked {
        verdicts: verdicts.into_inner().expect("verdicts"),
        ran: ran.into_inner().expect("ran"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failed(message: &str) -> Verdict {
        Verdict::Failed(vec![TestResult {
            name: "exercise_6_2_transfer".into(),
            passed: false,
            message: message.into(),
        }])
    }

    #[test]
    fn a_check_that_stopped_a_hang_itself_reads_as_timed_out() {
        let hung = failed("exercise 6.2 `Bank`: timed out after 4s. Waiting for: account 1");
        assert_eq!(hung.word(), "timed out");
        assert_eq!(failed("expected 4, counted 3").word(), "failing");
    }
}
