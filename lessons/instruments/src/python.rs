//! Running the tutorials' own Python programs (shipped in a lesson's `python/` folder), bounded
//! in time and never panicking, so that their timings can sit in the same table as Rust's. A
//! missing `python3`, a crash or a hang is a [`PythonError`] the lesson prints and moves past.
//!
//! Each script prints one JSON line with its timings. Python may be missing, fail, or hang; none
//! of that may stop the lesson, so every outcome is a value: the timings, or a reason to print.

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use serde_json::Value;

use crate::child;

/// Why a Python program gave no timings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PythonError {
    /// The interpreter is not on `PATH`.
    Missing(String),
    /// It ran longer than the limit and was killed.
    TimedOut(Duration),
    /// It could not start, exited with an error, or printed no JSON line.
    Failed(String),
}

impl fmt::Display for PythonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PythonError::Missing(program) => write!(f, "{program} was not found on PATH"),
            PythonError::TimedOut(limit) => {
                write!(f, "it ran longer than {} s and was killed", limit.as_secs())
            }
            PythonError::Failed(reason) => write!(f, "it failed: {reason}"),
        }
    }
}

/// Where a Python program that ships with a lesson lives: `python/<name>` in the lesson's
/// folder. Pass the lesson's own `env!("CARGO_MANIFEST_DIR")`.
pub fn script(lesson_dir: &str, name: &str) -> PathBuf {
    Path::new(lesson_dir).join("python").join(name)
}

/// Runs `python3 script args...` and returns the last JSON object it printed; kills it (and any
/// worker processes it started) after `limit`.
pub fn run(script: &Path, args: &[String], limit: Duration) -> Result<Value, PythonError> {
    let mut all_args = vec![script.display().to_string()];
    all_args.extend(args.iter().cloned());
    run_program("python3", &all_args, limit)
}

/// Runs any program the same way (the tests use it with programs that hang or do not exist).
/// The child runs in a process group of its own, so that on a timeout the pool's worker
/// processes die with it; the child handling is shared with `process` (in `child.rs`).
pub fn run_program(program: &str, args: &[String], limit: Duration) -> Result<Value, PythonError> {
    let mut command = Command::new(program);
    command.args(args);
    let (status, stdout, stderr) = match child::run_bounded(command, limit) {
        Ok(Some(finished)) => finished,
        Ok(None) => return Err(PythonError::TimedOut(limit)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Err(PythonError::Missing(program.to_owned()));
        }
        Err(error) => {
            return Err(PythonError::Failed(format!(
                "could not start {program}: {error}"
            )));
        }
    };
    if !status.success() {
        let last = stderr.lines().last().unwrap_or("no message");
        return Err(PythonError::Failed(format!("{status}: {last}")));
    }
    stdout
        .lines()
        .rev()
        .find(|line| line.trim_start().starts_with('{'))
        .and_then(|line| serde_json::from_str(line).ok())
        .ok_or_else(|| PythonError::Failed("it printed no JSON line".to_owned()))
}

/// A number from a script's JSON line, as a duration in seconds.
pub fn seconds(report: &Value, key: &str) -> Option<Duration> {
    report[key]
        .as_f64()
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map(Duration::from_secs_f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_bounded_and_never_panic() {
        let missing = run_program("no-such-python-3", &[], Duration::from_secs(5));
        assert!(
            matches!(missing, Err(PythonError::Missing(_))),
            "{missing:?}"
        );
        let hung = run_program("sleep", &["30".to_owned()], Duration::from_millis(200));
        assert_eq!(hung, Err(PythonError::TimedOut(Duration::from_millis(200))));
        let silent = run_program("true", &[], Duration::from_secs(5));
        assert!(matches!(silent, Err(PythonError::Failed(_))), "{silent:?}");
    }
}
