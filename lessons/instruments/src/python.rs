//! Running the tutorials' own Python programs (shipped in a lesson's `python/` folder), bounded
//! in time and never panicking, so that their timings can sit in the same table as Rust's. A
//! missing `python3`, a crash or a hang is a [`PythonError`] the lesson prints and moves past.
//!
//! Each script prints one JSON line with its timings. Python may be missing, fail, or hang; none
//! of that may stop the lesson, so every outcome is a value: the timings, or a reason to print.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

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
pub fn run_program(program: &str, args: &[String], limit: Duration) -> Result<Value, PythonError> {
    let mut command = Command::new(program);
    command
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // Its own process group, so that on a timeout the pool's worker processes die with it.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command.spawn().map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => PythonError::Missing(program.to_owned()),
        _ => PythonError::Failed(format!("could not start {program}: {error}")),
    })?;
    // Read both pipes on their own threads: a child that fills a pipe nobody reads would block
    // and look like a hang.
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() >= limit => {
                kill(&mut child);
                return Err(PythonError::TimedOut(limit));
            }
            Ok(None) => thread::sleep(Duration::from_millis(5)),
            Err(error) => return Err(PythonError::Failed(format!("could not wait: {error}"))),
        }
    };
    let stdout = stdout.join().unwrap_or_default();
    let stderr = stderr.join().unwrap_or_default();
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

fn drain(pipe: Option<impl Read + Send + 'static>) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut text = String::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_string(&mut text);
        }
        text
    })
}

/// Kills the child's whole process group (the child and any workers it started), then the child
/// itself in case the group could not be signalled, and reaps it.
fn kill(child: &mut Child) {
    #[cfg(unix)]
    {
        let group = format!("-{}", child.id());
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stderr(Stdio::null())
            .status();
    }
    let _ = child.kill();
    let _ = child.wait();
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
