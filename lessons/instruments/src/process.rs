//! Child processes that work for their parent: Python's `multiprocessing`, in Rust.
//!
//! - A [`WorkerCommand`] says what to start: usually the program itself in a worker mode
//!   ([`WorkerCommand::current_exe`] with an argument such as `worker`), the Rust form of
//!   `multiprocessing`'s "spawn" start method and of the `if __name__ == "__main__":` guard:
//!   the child runs the same `main`, sees the argument, and serves jobs instead of running
//!   the program.
//! - A [`Worker`] is one running child, spoken to with one JSON object a line over its stdin
//!   and stdout ([`Worker::send`], [`Worker::recv`] with a time limit that kills). It is always
//!   waited for: by [`Worker::finish`], after any error, or when dropped (also while a panic
//!   unwinds), so no worker is left as a zombie or left running.
//! - A worker's death is a [`WorkerError`], typed: killed, aborted, exited non-zero, closed its
//!   output, wrote garbage, or timed out. Nothing blocks on a dead worker's pipe.
//! - [`serve`] is the worker's side: read a job a line, answer a line, until stdin closes.
//! - [`Pool`] maps jobs to results over a fixed number of worker processes, starting a new
//!   worker in place of one that died; each failed job is a [`JobError`] naming the job.
//!
//! ```no_run
//! use std::time::Duration;
//! use instruments::process::{Worker, WorkerCommand};
//!
//! // In `main`, first: if std::env::args().nth(1).as_deref() == Some("worker") { ... serve ... }
//! let command = WorkerCommand::current_exe().arg("worker");
//! let mut worker = Worker::spawn(&command).expect("the worker starts");
//! worker.send(&21_u64).expect("the job is sent");
//! let answer: u64 = worker.recv(Duration::from_secs(5)).expect("an answer");
//! worker.finish(Duration::from_secs(1)).expect("it exits");
//! # let _ = answer;
//! ```

use std::ffi::OsString;
use std::fmt;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError, mpsc};
use std::thread;
use std::time::Duration;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::child;
use crate::record::Recorder;

/// How long a worker whose stdin was closed gets to exit by itself before it is killed.
const GRACE: Duration = Duration::from_millis(500);

/// What to start as a worker: a program, its arguments, its environment.
#[derive(Debug, Clone)]
pub struct WorkerCommand {
    program: PathBuf,
    args: Vec<OsString>,
    envs: Vec<(OsString, OsString)>,
}

impl WorkerCommand {
    /// Any program.
    pub fn new(program: impl Into<PathBuf>) -> Self {
        WorkerCommand {
            program: program.into(),
            args: Vec::new(),
            envs: Vec::new(),
        }
    }

    /// This very program (`std::env::current_exe`), to be given a worker-mode argument.
    ///
    /// # Panics
    /// If the running program's path cannot be found (it can on Linux, macOS and Windows).
    pub fn current_exe() -> Self {
        WorkerCommand::new(std::env::current_exe().expect("the running program's path"))
    }

    /// Adds an argument.
    pub fn arg(mut self, arg: impl Into<OsString>) -> Self {
        self.args.push(arg.into());
        self
    }

    /// Sets an environment variable for the worker.
    pub fn env(mut self, key: impl Into<OsString>, value: impl Into<OsString>) -> Self {
        self.envs.push((key.into(), value.into()));
        self
    }

    /// The program it starts.
    pub fn program(&self) -> &Path {
        &self.program
    }
}

// ANCHOR: death
/// How a worker ended without answering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Death {
    /// Killed with SIGKILL (`kill -9`, or the out-of-memory killer).
    Killed,
    /// Aborted (SIGABRT: `std::process::abort`, or a panic with `panic = "abort"`).
    Aborted,
    /// Ended by another signal.
    Signal(i32),
    /// Exited with a status other than 0 (a Rust panic in `main` exits with 101).
    Exit(i32),
    /// Exited with status 0, or closed its stdout, before answering.
    Closed,
}

impl Death {
    /// The death an exit status tells of.
    pub fn of(status: ExitStatus) -> Death {
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt;
            match status.signal() {
                Some(9) => return Death::Killed,
                Some(6) => return Death::Aborted,
                Some(signal) => return Death::Signal(signal),
                None => {}
            }
        }
        match status.code() {
            Some(0) | None => Death::Closed,
            Some(code) => Death::Exit(code),
        }
    }
}
// ANCHOR_END: death

impl fmt::Display for Death {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Death::Killed => write!(f, "was killed (SIGKILL)"),
            Death::Aborted => write!(f, "aborted (SIGABRT)"),
            Death::Signal(signal) => write!(f, "was ended by signal {signal}"),
            Death::Exit(code) => write!(f, "exited with status {code}"),
            Death::Closed => write!(f, "closed its output without answering"),
        }
    }
}

// ANCHOR: worker_error
/// Why a worker gave no answer. After any of these the worker has been waited for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkerError {
    /// It could not be started.
    Start(String),
    /// It ended before answering; `stderr` is the last line it wrote there, if any.
    Died {
        pid: u32,
        death: Death,
        stderr: String,
    },
    /// It wrote a line that is not the answer expected, and was killed (what else it says
    /// cannot be trusted).
    Garbage { pid: u32, line: String },
    /// It did not answer within the limit, and was killed.
    TimedOut { pid: u32, limit: Duration },
}
// ANCHOR_END: worker_error

impl WorkerError {
    /// The worker's process id (none for a worker that never started).
    pub fn pid(&self) -> Option<u32> {
        match self {
            WorkerError::Start(_) => None,
            WorkerError::Died { pid, .. }
            | WorkerError::Garbage { pid, .. }
            | WorkerError::TimedOut { pid, .. } => Some(*pid),
        }
    }
}

impl fmt::Display for WorkerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WorkerError::Start(reason) => write!(f, "the worker could not start: {reason}"),
            WorkerError::Died { pid, death, stderr } if stderr.is_empty() => {
                write!(f, "worker {pid} {death}")
            }
            WorkerError::Died { pid, death, stderr } => {
                write!(f, "worker {pid} {death} (its last words: {stderr:?})")
            }
            WorkerError::Garbage { pid, line } => {
                write!(
                    f,
                    "worker {pid} wrote garbage instead of an answer: {line:?}"
                )
            }
            WorkerError::TimedOut { pid, limit } => {
                write!(f, "worker {pid} timed out after {limit:?} and was killed")
            }
        }
    }
}

impl std::error::Error for WorkerError {}

/// One running worker process, spoken to in JSON lines. Dropping it closes its stdin, gives it
/// a moment to exit, then kills it, and always waits for it.
#[derive(Debug)]
pub struct Worker {
    child: Child,
    pid: u32,
    stdin: Option<ChildStdin>,
    lines: mpsc::Receiver<String>,
    stderr: Option<thread::JoinHandle<String>>,
    status: Option<ExitStatus>,
}

impl Worker {
    /// Starts the worker with its stdin and stdout piped to this process (its stderr is kept,
    /// for the error that reports its death).
    pub fn spawn(command: &WorkerCommand) -> Result<Worker, WorkerError> {
        let mut child = Command::new(&command.program)
            .args(&command.args)
            .envs(command.envs.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| WorkerError::Start(format!("{}: {e}", command.program.display())))?;
        let (sender, lines) = mpsc::channel();
        let stdout = child.stdout.take().map(BufReader::new);
        // One thread reads the worker's stdout, so that `recv` can wait with a time limit
        // (std's pipes have no read timeout). It ends at end of file: when the worker exits.
        thread::spawn(move || {
            for line in stdout.into_iter().flat_map(BufRead::lines) {
                let Ok(line) = line else { break };
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        Ok(Worker {
            pid: child.id(),
            stdin: child.stdin.take(),
            stderr: Some(child::drain(child.stderr.take())),
            child,
            lines,
            status: None,
        })
    }

    /// The worker's process id.
    pub fn pid(&self) -> u32 {
        self.pid
    }

    /// Sends one message as a JSON line. A worker that has died is reported as such.
    pub fn send<J: Serialize + ?Sized>(&mut self, message: &J) -> Result<(), WorkerError> {
        let mut line = serde_json::to_vec(message).expect("a message serialises to JSON");
        line.push(b'\n');
        let written = match self.stdin.as_mut() {
            Some(stdin) => stdin.write_all(&line).and_then(|()| stdin.flush()),
            None => Err(std::io::ErrorKind::BrokenPipe.into()),
        };
        // A write to a dead worker fails (a broken pipe): its exit status says why it died.
        written.map_err(|_| self.death())
    }

    // ANCHOR: recv
    /// Waits at most `limit` for the next JSON line and parses it. On a timeout or a line that
    /// does not parse the worker is killed; on end of file it has died. Every error leaves it
    /// waited for.
    pub fn recv<R: DeserializeOwned>(&mut self, limit: Duration) -> Result<R, WorkerError> {
        match self.lines.recv_timeout(limit) {
            Ok(line) => serde_json::from_str(&line).map_err(|_| {
                self.kill();
                let line: String = line.chars().take(80).collect();
                WorkerError::Garbage {
                    pid: self.pid,
                    line,
                }
            }),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                self.kill();
                Err(WorkerError::TimedOut {
                    pid: self.pid,
                    limit,
                })
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => Err(self.death()),
        }
    }
    // ANCHOR_END: recv

    /// [`Worker::send`] then [`Worker::recv`]: one job, one answer.
    pub fn request<J: Serialize + ?Sized, R: DeserializeOwned>(
        &mut self,
        message: &J,
        limit: Duration,
    ) -> Result<R, WorkerError> {
        self.send(message)?;
        self.recv(limit)
    }

    /// Closes the worker's stdin (its signal to finish), waits up to `limit` for it to exit,
    /// and kills it if it has not. Returns how it exited.
    pub fn finish(mut self, limit: Duration) -> Result<ExitStatus, WorkerError> {
        self.close(limit)
    }

    /// Kills the worker now and waits for it.
    pub fn kill(&mut self) {
        if self.status.is_none() {
            self.stdin = None;
            self.status = child::kill_and_reap(&mut self.child, false);
        }
    }

    /// Whether the worker has exited and been waited for.
    pub fn is_reaped(&self) -> bool {
        self.status.is_some()
    }

    fn close(&mut self, limit: Duration) -> Result<ExitStatus, WorkerError> {
        if let Some(status) = self.status {
            return Ok(status);
        }
        self.stdin = None;
        match child::wait_within(&mut self.child, limit) {
            Ok(Some(status)) => {
                self.status = Some(status);
                Ok(status)
            }
            _ => {
                self.kill();
                Err(WorkerError::TimedOut {
                    pid: self.pid,
                    limit,
                })
            }
        }
    }

    /// The worker has stopped talking: wait for it (killing it if it lingers) and say how it
    /// ended.
    fn death(&mut self) -> WorkerError {
        let status = match self.close(GRACE) {
            Ok(status) => Some(status),
            Err(_) => self.status,
        };
        let stderr = self
            .stderr
            .take()
            .and_then(|reader| reader.join().ok())
            .unwrap_or_default();
        let last = stderr.lines().rev().find(|l| !l.trim().is_empty());
        WorkerError::Died {
            pid: self.pid,
            death: status.map_or(Death::Killed, Death::of),
            stderr: last.unwrap_or("").chars().take(120).collect(),
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.close(GRACE);
    }
}

/// The worker's side of [`Worker`]: reads one JSON job a line from stdin and writes
/// `handle`'s answer to each as one JSON line on stdout, until stdin closes. Returns the exit
/// status for `main`: 0 when stdin closed, 2 on a line that is not a job, 3 if stdout closed.
pub fn serve<J: DeserializeOwned, R: Serialize>(mut handle: impl FnMut(J) -> R) -> i32 {
    let stdin = std::io::stdin().lock();
    let mut stdout = std::io::stdout().lock();
    for line in stdin.lines() {
        let Ok(line) = line else { return 2 };
        let Ok(job) = serde_json::from_str(&line) else {
            eprintln!("not a job: {line:?}");
            return 2;
        };
        let mut answer = serde_json::to_vec(&handle(job)).expect("an answer serialises to JSON");
        answer.push(b'\n');
        // Flush each answer: the parent is waiting for this line, not for a full buffer.
        if stdout
            .write_all(&answer)
            .and_then(|()| stdout.flush())
            .is_err()
        {
            return 3;
        }
    }
    0
}

/// A job that got no answer: which job, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobError {
    /// The job's index in the input.
    pub job: usize,
    pub cause: WorkerError,
}

impl fmt::Display for JobError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "job {}: {}", self.job, self.cause)
    }
}

impl std::error::Error for JobError {}

/// What a [`Pool`] tells its watcher, as it happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A worker process started.
    Started { pid: u32 },
    /// A job was sent to a worker.
    Sent { job: usize, pid: u32 },
    /// A job came back with its answer.
    Answered { job: usize, pid: u32 },
    /// A job got no answer: its worker is gone (a new one starts for the next job).
    Failed { job: usize, error: WorkerError },
}

type Watcher = Arc<dyn Fn(&Event) + Send + Sync>;

/// A pool of worker processes, as `multiprocessing.Pool(workers)`: [`Pool::map`] hands the
/// jobs out to at most `workers` live processes, one job at a time each, and returns the
/// answers in the order of the jobs. A worker that dies costs only the job it held: that job
/// is a [`JobError`], and a new worker takes its place for the jobs still waiting.
#[derive(Clone)]
pub struct Pool {
    command: WorkerCommand,
    workers: usize,
    limit: Duration,
    recorder: Option<Recorder>,
    watcher: Option<Watcher>,
}

impl fmt::Debug for Pool {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pool")
            .field("command", &self.command)
            .field("workers", &self.workers)
            .field("limit", &self.limit)
            .finish_non_exhaustive()
    }
}

impl Pool {
    /// A pool of `workers` processes (at least one) started from `command`; a job may take a
    /// minute before its worker is killed.
    pub fn new(command: WorkerCommand, workers: usize) -> Self {
        Pool {
            command,
            workers: workers.max(1),
            limit: Duration::from_secs(60),
            recorder: None,
            watcher: None,
        }
    }

    /// How long one job may take before its worker is killed and the job is an error.
    pub fn limit(mut self, per_job: Duration) -> Self {
        self.limit = per_job;
        self
    }

    /// Records each job as a span on the row `process <pid>`, labelled `job`.
    pub fn recorder(mut self, recorder: &Recorder) -> Self {
        self.recorder = Some(recorder.clone());
        self
    }

    /// Calls `watch` with every [`Event`], from the pool's threads, as it happens.
    pub fn watch(mut self, watch: impl Fn(&Event) + Send + Sync + 'static) -> Self {
        self.watcher = Some(Arc::new(watch));
        self
    }

    fn tell(&self, event: Event) {
        if let Some(watch) = &self.watcher {
            watch(&event);
        }
    }

    /// Runs every job on the pool's workers and returns each job's answer or error, in the
    /// order of `jobs`. Every worker is waited for before it returns.
    pub fn map<J: Serialize + Sync, R: DeserializeOwned + Send>(
        &self,
        jobs: &[J],
    ) -> Vec<Result<R, JobError>> {
        let next = AtomicUsize::new(0);
        let slots: Mutex<Vec<Option<Result<R, JobError>>>> =
            Mutex::new(jobs.iter().map(|_| None).collect());
        // One thread per worker process: it starts a worker, feeds it jobs one at a time, and
        // starts a new one when its worker dies.
        thread::scope(|scope| {
            for _ in 0..self.workers.min(jobs.len()) {
                scope.spawn(|| {
                    let mut worker: Option<Worker> = None;
                    loop {
                        let job = next.fetch_add(1, Ordering::Relaxed);
                        let Some(message) = jobs.get(job) else { break };
                        let outcome = self.run_one(&mut worker, job, message);
                        slots.lock().unwrap_or_else(PoisonError::into_inner)[job] = Some(outcome);
                    }
                    if let Some(worker) = worker {
                        let _ = worker.finish(GRACE);
                    }
                });
            }
        });
        slots
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
            .into_iter()
            .map(|slot| slot.expect("every job was taken by a worker"))
            .collect()
    }

    fn run_one<J: Serialize, R: DeserializeOwned>(
        &self,
        worker: &mut Option<Worker>,
        job: usize,
        message: &J,
    ) -> Result<R, JobError> {
        if worker.is_none() {
            let started = Worker::spawn(&self.command).map_err(|cause| JobError { job, cause })?;
            self.tell(Event::Started { pid: started.pid() });
            *worker = Some(started);
        }
        let running = worker.as_mut().expect("a worker was just started");
        let pid = running.pid();
        let _span = (self.recorder.as_ref()).map(|r| r.span(format!("process {pid}"), "job"));
        self.tell(Event::Sent { job, pid });
        match running.request(message, self.limit) {
            Ok(answer) => {
                self.tell(Event::Answered { job, pid });
                Ok(answer)
            }
            Err(cause) => {
                // The worker is dead and waited for: drop it, so the next job starts a new one.
                *worker = None;
                let error = JobError { job, cause };
                self.tell(Event::Failed {
                    job,
                    error: error.cause.clone(),
                });
                Err(error)
            }
        }
    }
}

/// Whether a process that was a child of this one is left behind: `Some("a zombie ...")` if it
/// exited and was never waited for, `Some("still running")` if it runs on, `None` if it is gone
/// (waited for). Reads `/proc` (Linux); elsewhere always `None`.
pub fn left_behind(pid: u32) -> Option<&'static str> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The fields after the command's name (in parentheses, which may hold spaces): state, ppid.
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace();
    let state = fields.next()?;
    let parent: u32 = fields.next()?.parse().ok()?;
    if parent != std::process::id() {
        return None; // the id was reused by a process that is not ours
    }
    Some(if state == "Z" {
        "a zombie (it exited, and was never waited for)"
    } else {
        "still running"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shell(script: &str) -> WorkerCommand {
        WorkerCommand::new("sh").arg("-c").arg(script)
    }

    #[test]
    fn a_worker_answers_and_its_deaths_are_typed() {
        let limit = Duration::from_secs(5);
        // `cat` echoes each JSON line back: a worker that answers.
        let mut echo = Worker::spawn(&WorkerCommand::new("cat")).unwrap();
        let answer: u64 = echo.request(&7_u64, limit).unwrap();
        assert_eq!(answer, 7);
        assert!(echo.finish(limit).unwrap().success());

        let cases = [
            ("kill -9 $$", "was killed (SIGKILL)"),
            ("kill -ABRT $$", "aborted (SIGABRT)"),
            (
                "echo oops >&2; exit 3",
                "exited with status 3 (its last words: \"oops\")",
            ),
            ("read line; echo not json", "wrote garbage"),
            ("read line; exit 0", "closed its output"),
            ("sleep 5", "timed out"),
        ];
        for (script, words) in cases {
            let mut worker = Worker::spawn(&shell(script)).unwrap();
            let pid = worker.pid();
            // Only the hang is meant to run into the limit: the others have seconds to die.
            let limit = match script {
                "sleep 5" => Duration::from_millis(300),
                _ => limit,
            };
            let error = worker.request::<_, u64>(&1_u64, limit).unwrap_err();
            assert!(error.to_string().contains(words), "{script}: {error}");
            assert_eq!(error.pid(), Some(pid));
            assert!(worker.is_reaped(), "{script}: waited for after the error");
            assert_eq!(left_behind(pid), None, "{script}");
        }
    }

    #[test]
    fn dropping_a_worker_waits_for_it() {
        let worker = Worker::spawn(&shell("sleep 5")).unwrap();
        let pid = worker.pid();
        assert_eq!(left_behind(pid), Some("still running"));
        drop(worker);
        assert_eq!(left_behind(pid), None);
        assert!(matches!(
            Worker::spawn(&WorkerCommand::new("no-such-worker-program")),
            Err(WorkerError::Start(_))
        ));
    }

    #[test]
    fn a_pool_keeps_order_and_loses_only_the_failed_jobs() {
        // Each job is a shell line the worker runs (a JSON string: its quotes are taken off):
        // a number to echo, or a way to die.
        let worker = shell("while read job; do job=${job#?}; eval \"${job%?}\"; done");
        let jobs = [
            "echo 1",
            "echo 2",
            "kill -9 $$",
            "echo 4",
            "exit 5",
            "echo 6",
        ];
        let events = Arc::new(Mutex::new(Vec::new()));
        let seen = events.clone();
        let pool = Pool::new(worker, 2)
            .limit(Duration::from_secs(5))
            .watch(move |e| seen.lock().unwrap().push(e.clone()));
        let results: Vec<Result<u64, JobError>> = pool.map(&jobs);
        let ok: Vec<Option<u64>> = results.iter().map(|r| r.as_ref().ok().copied()).collect();
        assert_eq!(ok, [Some(1), Some(2), None, Some(4), None, Some(6)]);
        let failed = results[2].as_ref().unwrap_err().to_string();
        assert!(
            failed.starts_with("job 2: worker ") && failed.contains("killed"),
            "{failed}"
        );
        let exited = results[4].as_ref().unwrap_err().to_string();
        assert!(
            exited.contains("job 4") && exited.contains("status 5"),
            "{exited}"
        );
        let started: Vec<u32> = (events.lock().unwrap().iter())
            .filter_map(|e| match e {
                Event::Started { pid } => Some(*pid),
                _ => None,
            })
            .collect();
        // Two workers, and one in place of each death that left jobs waiting.
        assert!((3..=4).contains(&started.len()), "{started:?}");
        assert!(started.iter().all(|pid| left_behind(*pid).is_none()));
    }
}
