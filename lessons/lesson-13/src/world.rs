//! Lesson 13's simulated world: pages that fail, a flaky server that answers each attempt as a
//! script says, and jobs for workers to finish. Every fetch, attempt and job is recorded as a
//! span that ends when it finishes *or when it is dropped*, so a timeline shows exactly when
//! cancelled work stopped. All waits are `tokio::time::sleep`: on tokio's paused clock (the
//! checks) they take no real time and every time is exact.

use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use instruments::Recorder;
use tokio::sync::mpsc;

/// The label of a fetch's span ([`fetch`]).
pub const FETCH: &str = "fetch";
/// The label of an attempt's span ([`attempt`]).
pub const ATTEMPT: &str = "attempt";
/// The label of a job's span ([`do_job`]).
pub const JOB: &str = "job";

/// How a silent server's attempt lasts: it answers, far too late, after an hour.
pub const SILENT: Duration = Duration::from_secs(3600);

/// What went wrong with a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// 404: asking again will not help (permanent).
    NotFound,
    /// 503: the server is busy; asking again later may work (transient).
    Unavailable,
    /// No answer within the request's timeout (transient).
    TimedOut,
    /// The overall deadline passed before an answer came.
    DeadlineExceeded,
}

impl ErrorKind {
    /// Whether a retry may succeed: a busy server or a timeout, not a missing page.
    pub fn is_transient(self) -> bool {
        matches!(self, ErrorKind::Unavailable | ErrorKind::TimedOut)
    }
}

/// An error as a value: which address, and what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchError {
    pub address: String,
    pub kind: ErrorKind,
}

impl FetchError {
    /// An error of `kind` for `address`.
    pub fn new(address: &str, kind: ErrorKind) -> FetchError {
        FetchError {
            address: address.to_owned(),
            kind,
        }
    }
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {:?}", self.address, self.kind)
    }
}

impl std::error::Error for FetchError {}

/// A fetched page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub address: String,
}

/// A page to fetch: its latency stands for the network, and it answers with the page or with
/// an error, as it was made.
#[derive(Debug, Clone)]
pub struct Link {
    address: String,
    latency: Duration,
    error: Option<ErrorKind>,
    recorder: Recorder,
}

impl Link {
    /// A page at `address` that arrives after `latency`.
    pub fn ok(address: impl Into<String>, latency: Duration, recorder: &Recorder) -> Link {
        Link {
            address: address.into(),
            latency,
            error: None,
            recorder: recorder.clone(),
        }
    }

    /// A page at `address` that fails with `kind` after `latency`.
    pub fn failing(
        address: impl Into<String>,
        latency: Duration,
        kind: ErrorKind,
        recorder: &Recorder,
    ) -> Link {
        Link {
            error: Some(kind),
            ..Link::ok(address, latency, recorder)
        }
    }

    /// Where the page is.
    pub fn address(&self) -> &str {
        &self.address
    }

    /// How long it takes to answer.
    pub fn latency(&self) -> Duration {
        self.latency
    }
}

/// Fetches a page, recorded as a span labelled [`FETCH`] from the request until the answer or
/// until the future is dropped (cancelled), whichever comes first.
pub async fn fetch(link: &Link) -> Result<Page, FetchError> {
    let _span = link.recorder.span(&link.address, FETCH);
    tokio::time::sleep(link.latency).await;
    match link.error {
        None => Ok(Page {
            address: link.address.clone(),
        }),
        Some(kind) => Err(FetchError::new(&link.address, kind)),
    }
}

/// How a flaky server answers one attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// The page.
    Page,
    /// An error of this kind.
    Fail(ErrorKind),
    /// Nothing, for an hour ([`SILENT`]); then 503.
    Silent,
}

/// A server that answers each attempt as its script says: attempt 1 the first entry (after its
/// delay), attempt 2 the second, and so on; past the end, the last entry again.
#[derive(Debug, Clone)]
pub struct Flaky {
    address: String,
    script: Arc<[(Duration, Answer)]>,
    attempts: Arc<AtomicUsize>,
    recorder: Recorder,
}

impl Flaky {
    /// A server at `address` answering attempt N with `script[N - 1]`: (delay in ms, answer).
    ///
    /// # Panics
    /// If the script is empty.
    pub fn new(address: impl Into<String>, script: &[(u64, Answer)], recorder: &Recorder) -> Flaky {
        assert!(!script.is_empty(), "a flaky server needs a script");
        Flaky {
            address: address.into(),
            script: script
                .iter()
                .map(|&(ms, answer)| (Duration::from_millis(ms), answer))
                .collect(),
            attempts: Arc::default(),
            recorder: recorder.clone(),
        }
    }

    /// Where the page is.
    pub fn address(&self) -> &str {
        &self.address
    }

    /// How many attempts were made so far.
    pub fn attempts(&self) -> usize {
        self.attempts.load(Ordering::Relaxed)
    }
}

/// One attempt at a flaky server, recorded as a span labelled [`ATTEMPT`] (task `attempt N`)
/// until the answer or until it is dropped (a timeout cancels it by dropping it).
pub async fn attempt(server: &Flaky) -> Result<Page, FetchError> {
    // Relaxed: the count is only a number to hand out; no other memory depends on it.
    let number = server.attempts.fetch_add(1, Ordering::Relaxed);
    let last = server.script.len() - 1;
    let (delay, answer) = server.script[number.min(last)];
    let _span = server
        .recorder
        .span(format!("attempt {}", number + 1), ATTEMPT);
    match answer {
        Answer::Silent => tokio::time::sleep(SILENT).await,
        _ => tokio::time::sleep(delay).await,
    }
    match answer {
        Answer::Page => Ok(Page {
            address: server.address.clone(),
        }),
        Answer::Fail(kind) => Err(FetchError::new(&server.address, kind)),
        Answer::Silent => Err(FetchError::new(&server.address, ErrorKind::Unavailable)),
    }
}

/// A job for a worker: it takes `duration`, and must either be finished or not started at all.
#[derive(Debug, Clone)]
pub struct Job {
    pub id: u32,
    pub duration: Duration,
    ledger: Ledger,
}

/// What really happened to the jobs, kept apart from what the workers report: which started,
/// which finished (in order, once per finish).
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    state: Arc<Mutex<LedgerState>>,
    recorder: Recorder,
}

#[derive(Debug, Default)]
struct LedgerState {
    started: Vec<u32>,
    finished: Vec<u32>,
}

impl Ledger {
    /// An empty ledger whose jobs record their spans in `recorder`.
    pub fn new(recorder: &Recorder) -> Ledger {
        Ledger {
            state: Arc::default(),
            recorder: recorder.clone(),
        }
    }

    /// A job of this ledger.
    pub fn job(&self, id: u32, duration: Duration) -> Job {
        Job {
            id,
            duration,
            ledger: self.clone(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, LedgerState> {
        // Each update is one push: a panic cannot leave the ledger half-written.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The jobs that started, in the order they started.
    pub fn started(&self) -> Vec<u32> {
        self.lock().started.clone()
    }

    /// The jobs that ran to the end, in the order they finished (a job done twice is here twice).
    pub fn finished(&self) -> Vec<u32> {
        self.lock().finished.clone()
    }
}

/// Does a job: a span labelled [`JOB`] (task `job N`) from start to finish. Dropped half way
/// (cancelled), the job is *lost*: it started, and it never finished.
pub async fn do_job(job: &Job) {
    job.ledger.lock().started.push(job.id);
    let _span = job.ledger.recorder.span(format!("job {}", job.id), JOB);
    tokio::time::sleep(job.duration).await;
    job.ledger.lock().finished.push(job.id);
}

/// A queue of jobs that several workers share (clone it: one handle each).
#[derive(Debug, Clone)]
pub struct JobQueue {
    receiver: Arc<tokio::sync::Mutex<mpsc::Receiver<Job>>>,
    /// How many times [`JobQueue::next`] was called, by every handle (the checks count a
    /// worker that polls the queue with a timeout instead of waiting for a job or the token).
    asked: Arc<AtomicUsize>,
}

impl JobQueue {
    /// The receiving end of a channel of jobs, shared.
    pub fn new(receiver: mpsc::Receiver<Job>) -> JobQueue {
        JobQueue {
            receiver: Arc::new(tokio::sync::Mutex::new(receiver)),
            asked: Arc::default(),
        }
    }

    /// How many times [`JobQueue::next`] was called so far, by every handle of this queue.
    pub fn asked(&self) -> usize {
        self.asked.load(Ordering::Relaxed)
    }

    /// The next job, waiting until there is one; `None` once the queue is closed and empty.
    ///
    /// Cancellation safe: dropped while it waits (in a `select!` that another branch won), it
    /// has taken no job, so none is lost.
    pub async fn next(&self) -> Option<Job> {
        // Relaxed: a count for the checks; no other memory depends on it.
        self.asked.fetch_add(1, Ordering::Relaxed);
        self.receiver.lock().await.recv().await
    }

    /// Closes the queue (no job can be added any more) and takes every job still in it,
    /// without waiting.
    pub async fn drain(&self) -> Vec<Job> {
        let mut receiver = self.receiver.lock().await;
        receiver.close();
        let mut left = Vec::new();
        while let Ok(job) = receiver.try_recv() {
            left.push(job);
        }
        left
    }
}

/// What workers report at shutdown: every job is in exactly one list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// The jobs finished, in any order.
    pub done: Vec<u32>,
    /// The jobs never started (still queued at shutdown), in any order.
    pub not_started: Vec<u32>,
}

/// How [`fetch_with_retries`](crate::exercises::fetch_with_retries) retries (exercise 13.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Each attempt's own time limit: an attempt with no answer by then is cancelled and
    /// counts as [`ErrorKind::TimedOut`] (transient).
    pub timeout: Duration,
    /// How many times to try again after the first attempt: at most `retries + 1` attempts.
    pub retries: u32,
    /// The wait before the first retry; each later wait is twice the one before.
    pub backoff: Duration,
    /// The whole call, attempts and waits, ends within this; past it, the answer is
    /// [`ErrorKind::DeadlineExceeded`].
    pub deadline: Duration,
}
