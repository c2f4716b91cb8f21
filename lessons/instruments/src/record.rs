//! Recording spans: who ran what, on which thread, from when to when.
//!
//! A [`Recorder`] is cheap to clone and safe to share between threads and async tasks. Every
//! span is measured against the recorder's own start, so one recorder gives one timeline.
//!
//! Time is read from `tokio::time::Instant`, which is the ordinary monotonic clock everywhere
//! except inside a tokio runtime whose clock is paused: there it is the simulated clock, so
//! async checks can run on simulated time and still record meaningful spans.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::thread::{self, ThreadId};
use std::time::Duration;

use tokio::time::Instant;

use crate::rendezvous::Rendezvous;

/// One recorded stretch of work.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// The row this span is drawn on: a task, a worker, a download.
    pub task: String,
    /// What the task was doing ("download", "poll", "holds GIL").
    pub label: String,
    /// A small number for the OS thread the span ran on, in order of first appearance.
    pub thread: usize,
    /// The thread's name, or `thread-N` for an unnamed one.
    pub thread_name: String,
    /// Start, measured from the recorder's creation.
    pub start: Duration,
    /// End, measured from the recorder's creation.
    pub end: Duration,
}

impl Span {
    /// How long the span lasted.
    pub fn duration(&self) -> Duration {
        self.end.saturating_sub(self.start)
    }

    /// Whether two spans were open at the same moment (touching ends do not count).
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

#[derive(Debug)]
struct Inner {
    epoch: Instant,
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    spans: Vec<Span>,
    threads: HashMap<ThreadId, usize>,
    /// A check's meeting point (see [`Recorder::meet`]).
    meeting: Option<Arc<Rendezvous>>,
}

/// Collects spans from any number of threads and tasks.
#[derive(Debug, Clone)]
pub struct Recorder {
    inner: Arc<Inner>,
}

impl Default for Recorder {
    fn default() -> Self {
        Self::new()
    }
}

impl Recorder {
    /// A recorder whose time zero is now.
    pub fn new() -> Self {
        Recorder {
            inner: Arc::new(Inner {
                epoch: Instant::now(),
                state: Mutex::new(State::default()),
            }),
        }
    }

    /// Makes every [`Recorder::attend`] on this recorder (and its clones) wait at `meeting`:
    /// a check's way to prove "all at once" on real threads without sleeping (see
    /// [`crate::rendezvous`]). Scoped to this recorder, so checks running side by side in one
    /// process do not meet each other.
    pub fn meet(&self, meeting: Arc<Rendezvous>) {
        self.lock().meeting = Some(meeting);
    }

    /// Runs `work`, first waiting at the meeting set by [`Recorder::meet`], if there is one
    /// (anywhere else this just runs `work`).
    pub fn attend<T>(&self, work: impl FnOnce() -> T) -> T {
        let meeting = self.lock().meeting.clone();
        match meeting {
            Some(meeting) => {
                let _in_flight = meeting.arrive();
                work()
            }
            None => work(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        // Every update of the state is one statement: a panic cannot leave it half-done.
        self.inner
            .state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Time since the recorder was created.
    pub fn now(&self) -> Duration {
        Instant::now().saturating_duration_since(self.inner.epoch)
    }

    /// Opens a span that is recorded when the returned guard is dropped.
    pub fn span(&self, task: impl Into<String>, label: impl Into<String>) -> SpanGuard {
        SpanGuard {
            recorder: self.clone(),
            task: task.into(),
            label: label.into(),
            start: self.now(),
        }
    }

    /// Runs `work` inside a span and returns its result.
    pub fn record<T>(
        &self,
        task: impl Into<String>,
        label: impl Into<String>,
        work: impl FnOnce() -> T,
    ) -> T {
        let _span = self.span(task, label);
        work()
    }

    /// Wraps a future so that every poll of it is recorded as a span: the busy slices show as
    /// spans, the waits between them as gaps in the task's row.
    pub fn traced<F: Future>(
        &self,
        task: impl Into<String>,
        label: impl Into<String>,
        future: F,
    ) -> Traced<F> {
        Traced {
            future: Box::pin(future),
            recorder: self.clone(),
            task: task.into(),
            label: label.into(),
        }
    }

    /// Adds a finished span (for spans measured some other way).
    pub fn push(&self, task: String, label: String, start: Duration, end: Duration) {
        let current = thread::current();
        let mut state = self.lock();
        let next = state.threads.len();
        let thread = *state.threads.entry(current.id()).or_insert(next);
        let thread_name = current
            .name()
            .map_or_else(|| format!("thread-{thread}"), str::to_owned);
        state.spans.push(Span {
            task,
            label,
            thread,
            thread_name,
            start,
            end,
        });
    }

    /// Every span recorded so far, ordered by start.
    pub fn spans(&self) -> Vec<Span> {
        let state = self.lock();
        let mut spans = state.spans.clone();
        spans.sort_by_key(|span| (span.start, span.end));
        spans
    }

    /// The spans with a given label, ordered by start.
    pub fn spans_labelled(&self, label: &str) -> Vec<Span> {
        let mut spans = self.spans();
        spans.retain(|span| span.label == label);
        spans
    }
}

/// An open span; it is recorded when dropped, also during a panic.
#[derive(Debug)]
pub struct SpanGuard {
    recorder: Recorder,
    task: String,
    label: String,
    start: Duration,
}

impl Drop for SpanGuard {
    fn drop(&mut self) {
        let end = self.recorder.now();
        self.recorder.push(
            std::mem::take(&mut self.task),
            std::mem::take(&mut self.label),
            self.start,
            end,
        );
    }
}

/// A future whose polls are recorded; made by [`Recorder::traced`].
#[derive(Debug)]
pub struct Traced<F> {
    // Boxed so that `Traced` is `Unpin` without any pin projection.
    future: Pin<Box<F>>,
    recorder: Recorder,
    task: String,
    label: String,
}

impl<F: Future> Future for Traced<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let this = &mut *self;
        let _span = this.recorder.span(this.task.clone(), this.label.clone());
        this.future.as_mut().poll(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_from_two_threads_overlap_and_name_their_threads() {
        let recorder = Recorder::new();
        thread::scope(|scope| {
            for worker in 0..2 {
                let recorder = &recorder;
                thread::Builder::new()
                    .name(format!("worker-{worker}"))
                    .spawn_scoped(scope, move || {
                        recorder.record(format!("worker-{worker}"), "sleep", || {
                            thread::sleep(Duration::from_millis(30));
                        });
                    })
                    .unwrap();
            }
        });
        let spans = recorder.spans();
        assert_eq!(spans.len(), 2);
        assert!(spans[0].overlaps(&spans[1]), "{spans:?}");
        assert_ne!(spans[0].thread, spans[1].thread);
        assert!(spans.iter().all(|s| s.thread_name.starts_with("worker-")));
    }

    #[tokio::test(start_paused = true)]
    async fn traced_future_records_each_poll() {
        let recorder = Recorder::new();
        let sleeper = async {
            tokio::time::sleep(Duration::from_secs(1)).await;
            tokio::time::sleep(Duration::from_secs(1)).await;
        };
        recorder.traced("sleeper", "poll", sleeper).await;
        let spans = recorder.spans();
        assert_eq!(
            spans.len(),
            3,
            "one poll to start, one after each sleep: {spans:?}"
        );
        assert!(
            spans[2].start >= Duration::from_secs(2),
            "paused clock advanced: {spans:?}"
        );
    }
}
