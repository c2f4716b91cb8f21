//! Running the lessons' own checks: `cargo test -p LESSON --test exercises`, in two steps so the
//! runner can tell a compile error from a failing check and stop a check that hangs.
//!
//! 1. `cargo test --no-run --message-format=json` builds the check binaries of the chosen
//!    lessons at once (cargo uses every core) and reports each one's path, or its first error.
//! 2. Each check runs in its own process, as `cargo test` would run it (from the lesson's
//!    folder), with a timeout; its libtest output is read for its verdict and message.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::thread;
use std::time::Duration;

use serde_json::Value;
use wait_timeout::ChildExt;

use super::Problem;

/// Output kept from one check run; beyond it the output is cut with a note.
const OUTPUT_CAP: usize = 256 * 1024;
/// Lines of a compile error shown: the first error, not a wall of text.
const ERROR_LINES: usize = 30;

/// What building the chosen lessons' checks gave, per lesson.
#[derive(Debug, Default)]
pub struct Build {
    /// The check binary of each lesson that built.
    pub binaries: BTreeMap<String, PathBuf>,
    /// The first compile error of each lesson that did not.
    pub errors: BTreeMap<String, String>,
}

fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Builds the `exercises` checks of `lessons` (with the reference answers if `solutions`), in
/// `target` if given (else where cargo would).
pub fn build(
    root: &Path,
    lessons: &[String],
    solutions: bool,
    target: Option<&Path>,
) -> Result<Build, Problem> {
    let mut command = cargo();
    if let Some(target) = target {
        command.env("CARGO_TARGET_DIR", target);
    }
    command
        .current_dir(root)
        .args([
            "test",
            "--no-run",
            "--no-fail-fast",
            "--message-format=json",
        ])
        .args(["--test", "exercises"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for lesson in lessons {
        command.args(["-p", lesson]);
    }
    if solutions {
        command.args(["--features", "solutions"]);
    }
    let output = command
        .output()
        .map_err(|e| Problem::failure(format!("cannot run cargo: {e}")))?;
    let mut build = Build::default();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(message) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let lesson = message["manifest_path"]
            .as_str()
            .map(Path::new)
            .and_then(Path::parent)
            .and_then(Path::file_name)
            .map(|name| name.to_string_lossy().into_owned());
        match message["reason"].as_str() {
            Some("compiler-artifact") if message["target"]["name"] == "exercises" => {
                if let (Some(lesson), Some(path)) = (lesson, message["executable"].as_str()) {
                    build.binaries.insert(lesson, PathBuf::from(path));
                }
            }
            Some("compiler-message") if message["message"]["level"] == "error" => {
                let rendered = message["message"]["rendered"].as_str().unwrap_or_default();
                let lesson = lesson.unwrap_or_default();
                build
                    .errors
                    .entry(lesson)
                    .or_insert_with(|| first_lines(rendered, ERROR_LINES));
            }
            _ => {}
        }
    }
    // A lesson that did not build and has no error of its own failed because of something it
    // depends on (or cargo itself failed): give the first error there is, or cargo's words.
    let fallback = build.errors.values().next().cloned().unwrap_or_else(|| {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let errors: Vec<&str> = stderr
            .lines()
            .filter(|l| l.starts_with("error") || l.starts_with("  ") || l.starts_with("Caused"))
            .collect();
        first_lines(&errors.join("\n"), ERROR_LINES)
    });
    for lesson in lessons {
        if !build.binaries.contains_key(lesson) && !build.errors.contains_key(lesson) {
            build.errors.insert(lesson.clone(), fallback.clone());
        }
    }
    Ok(build)
}

/// One check's outcome, as libtest reported it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestResult {
    pub name: String,
    pub passed: bool,
    /// For a failed check: its panic message (the teaching message), cleaned of noise.
    pub message: String,
}

/// What running one lesson's check binary gave.
#[derive(Debug, Clone, Default)]
pub struct TestRun {
    pub results: Vec<TestResult>,
    /// The binary was stopped after the timeout.
    pub timed_out: bool,
    /// After a timeout: the checks that had not finished.
    pub unfinished: Vec<String>,
}

/// Runs a lesson's checks (those whose names contain `filter`, or all) as `cargo test -p LESSON
/// --test exercises` would, but each check in its own process, as many at once as there are
/// cores: a check that hangs is stopped after `timeout` and named, and one that aborts the
/// process (as loom does on some deadlocks) takes no other check down with it.
pub fn run(
    root: &Path,
    lesson: &str,
    binary: &Path,
    filter: Option<&str>,
    timeout: Duration,
) -> Result<TestRun, Problem> {
    let lesson_dir = root.join("lessons").join(lesson);
    let listed = command(binary, &lesson_dir)
        .args(["--list", "--format", "terse"])
        .args(filter)
        .output()
        .map_err(|e| Problem::failure(format!("cannot run {}: {e}", binary.display())))?;
    let names: Vec<String> = String::from_utf8_lossy(&listed.stdout)
        .lines()
        .filter_map(|line| line.strip_suffix(": test"))
        .map(str::to_owned)
        .collect();
    let queue = Mutex::new(names);
    let run = Mutex::new(TestRun::default());
    let workers = thread::available_parallelism().map_or(1, usize::from);
    thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while let Some(name) = queue.lock().expect("queue").pop() {
                    let outcome = run_one(binary, &lesson_dir, &name, timeout);
                    let mut run = run.lock().expect("run");
                    match outcome {
                        Outcome::Finished(result) => run.results.push(result),
                        Outcome::TimedOut => {
                            run.timed_out = true;
                            run.unfinished.push(name);
                        }
                    }
                }
            });
        }
    });
    let mut run = run.into_inner().expect("run");
    run.results.sort_by(|a, b| a.name.cmp(&b.name));
    run.unfinished.sort();
    Ok(run)
}

enum Outcome {
    Finished(TestResult),
    TimedOut,
}

fn command(binary: &Path, lesson_dir: &Path) -> Command {
    let mut command = Command::new(binary);
    command
        .current_dir(lesson_dir)
        .env("CARGO_MANIFEST_DIR", lesson_dir)
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// Runs one check in its own process.
fn run_one(binary: &Path, lesson_dir: &Path, name: &str, timeout: Duration) -> Outcome {
    let spawned = command(binary, lesson_dir)
        .args(["--exact", name, "--test-threads", "1"])
        .spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(error) => {
            return Outcome::Finished(TestResult {
                name: name.to_owned(),
                passed: false,
                message: format!("cannot run {}: {error}", binary.display()),
            });
        }
    };
    let readers = [
        read_capped(
            child
                .stdout
                .take()
                .map(|s| Box::new(s) as Box<dyn Read + Send>),
        ),
        read_capped(
            child
                .stderr
                .take()
                .map(|s| Box::new(s) as Box<dyn Read + Send>),
        ),
    ];
    let status = child.wait_timeout(timeout).ok().flatten();
    if status.is_none() {
        // A deadlocked answer never ends by itself.
        let _ = child.kill();
        let _ = child.wait();
    }
    let mut cut = false;
    let mut output = String::new();
    for reader in readers {
        let (text, was_cut) = reader.join().unwrap_or_default();
        cut |= was_cut;
        output.push_str(&text);
    }
    let Some(status) = status else {
        return Outcome::TimedOut;
    };
    let reported = parse(&output).results.into_iter().find(|r| r.name == name);
    let mut result = reported.unwrap_or_else(|| TestResult {
        name: name.to_owned(),
        passed: false,
        message: format!(
            "the check crashed before it could report ({status}). Its last words:\n{}",
            last_words(&output)
        ),
    });
    if cut {
        result.message.push_str(&format!(
            "\n... (the check printed more than {} KiB; the rest was cut)",
            OUTPUT_CAP / 1024
        ));
    }
    Outcome::Finished(result)
}

/// The end of a crashed check's output, without backtrace frames.
fn last_words(output: &str) -> String {
    let lines: Vec<&str> = output
        .lines()
        .filter(|line| {
            let trimmed = line.trim_start();
            !line.trim().is_empty()
                && !trimmed.starts_with("at ")
                && !trimmed
                    .split(':')
                    .next()
                    .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
                && !trimmed.starts_with("note: ")
        })
        .collect();
    lines[lines.len().saturating_sub(12)..].join("\n")
}

type Reader = thread::JoinHandle<(String, bool)>;

/// Reads a stream to its end on its own thread (so a full pipe never blocks the child), keeping
/// at most [`OUTPUT_CAP`] bytes.
fn read_capped(stream: Option<Box<dyn Read + Send>>) -> Reader {
    thread::spawn(move || {
        let Some(mut stream) = stream else {
            return (String::new(), false);
        };
        let mut kept = Vec::new();
        let mut buffer = [0_u8; 8192];
        let mut cut = false;
        while let Ok(read) = stream.read(&mut buffer) {
            if read == 0 {
                break;
            }
            let room = OUTPUT_CAP.saturating_sub(kept.len());
            cut |= read > room;
            kept.extend_from_slice(&buffer[..read.min(room)]);
        }
        (String::from_utf8_lossy(&kept).into_owned(), cut)
    })
}

/// Reads libtest's human output: `test NAME ... ok|FAILED` lines, and a `---- NAME stdout ----`
/// block per failure with its panic message.
pub fn parse(output: &str) -> TestRun {
    let mut run = TestRun::default();
    let mut messages: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in output.lines() {
        if let Some(rest) = line.strip_prefix("test ") {
            if let Some(name) = rest.strip_suffix(" ... ok") {
                run.results.push(result(name, true));
                continue;
            }
            if let Some(name) = rest.strip_suffix(" ... FAILED") {
                run.results.push(result(name, false));
                continue;
            }
        }
        if let Some(name) = line
            .strip_prefix("---- ")
            .and_then(|rest| rest.strip_suffix(" stdout ----"))
        {
            current = Some(name.to_owned());
            continue;
        }
        if line == "failures:" || line.starts_with("test result:") {
            current = None;
            continue;
        }
        if let Some(name) = &current {
            messages.entry(name.clone()).or_default().push(line);
        }
    }
    for result in &mut run.results {
        if let Some(lines) = messages.get(&result.name) {
            result.message = clean(lines);
        }
    }
    run
}

fn result(name: &str, passed: bool) -> TestResult {
    TestResult {
        name: name.to_owned(),
        passed,
        message: String::new(),
    }
}

/// The useful part of a failure block: the panic location and message, without the backtrace
/// note and surrounding blank lines.
fn clean(lines: &[&str]) -> String {
    let kept: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !l.starts_with("note: run with `RUST_BACKTRACE=1`"))
        .collect();
    kept.join("\n").trim().to_owned()
}

/// The first `count` lines of `text`, with a note saying how many more there were.
pub fn first_lines(text: &str, count: usize) -> String {
    let lines: Vec<&str> = text.trim_end().lines().collect();
    if lines.len() <= count {
        return lines.join("\n");
    }
    format!(
        "{}\n... ({} more lines cut)",
        lines[..count].join("\n"),
        lines.len() - count
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const OUTPUT: &str = "
running 3 tests
test exercise_1_1_keeps_order ... ok
test exercise_1_2_overlaps ... FAILED

failures:

---- exercise_1_2_overlaps stdout ----

thread 'exercise_1_2_overlaps' panicked at lessons/lesson-01/tests/exercises.rs:40:5:
exercise 1.2: the downloads did not overlap.
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace

failures:
    exercise_1_2_overlaps

test result: FAILED. 1 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out
";

    #[test]
    fn libtest_output_is_read_test_by_test() {
        let run = parse(OUTPUT);
        assert_eq!(run.results.len(), 2);
        assert!(run.results[0].passed);
        assert!(!run.results[1].passed);
        assert_eq!(
            run.results[1].message,
            "thread 'exercise_1_2_overlaps' panicked at lessons/lesson-01/tests/exercises.rs:40:5:\n\
             exercise 1.2: the downloads did not overlap."
        );
    }

    #[test]
    fn long_text_is_cut_with_a_note() {
        let text = (1..=5)
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join("\n");
        assert_eq!(first_lines(&text, 2), "1\n2\n... (3 more lines cut)");
        assert_eq!(first_lines(&text, 9), text);
    }
}
