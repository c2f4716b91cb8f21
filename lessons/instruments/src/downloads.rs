//! The lessons' simulated downloads: a [`Url`] whose latency stands for the network, and
//! [`download`] (blocking, like `requests.get`) and [`download_async`] (like an `async def`
//! that awaits `asyncio.sleep`), each recorded as a span labelled [`DOWNLOAD`], so a run can be
//! drawn and checked. Lessons re-export them (`lesson_01::Url`, `lesson_08::download_async`).
//!
//! [`expect_async_waits`] is the check every async download exercise shares.
//!
//! A check that must see every blocking download in flight at once gives the urls a
//! [`Rendezvous`] ([`Url::meeting`]): each download then waits there, inside its span, until
//! all are in flight together, so "all at once" is proven by the meeting, not by sleeping long
//! enough for the spans to overlap (see [`crate::rendezvous`]).

use std::sync::Arc;
use std::time::Duration;

use crate::record::{Recorder, Span};
use crate::rendezvous::Rendezvous;
use crate::work;

/// The label of a download's span.
pub const DOWNLOAD: &str = "download";

/// A file to download. Its latency stands for the network; its recorder notes when each
/// download ran, so a run can be drawn and checked.
#[derive(Debug, Clone)]
pub struct Url {
    address: String,
    latency: Duration,
    recorder: Recorder,
    meeting: Option<Arc<Rendezvous>>,
}

impl Url {
    /// A file at `address` that takes `latency` to download; downloads are recorded in
    /// `recorder`.
    pub fn new(address: impl Into<String>, latency: Duration, recorder: &Recorder) -> Url {
        Url {
            address: address.into(),
            latency,
            recorder: recorder.clone(),
            meeting: None,
        }
    }

    /// The same url, whose blocking [`download`] first waits at `meeting` until the meeting's
    /// number of downloads are in flight together (or its patience runs out), then takes its
    /// latency. For checks: a correct answer meets at once, and a sequential or batched one is
    /// caught by how many met ([`Rendezvous::most_at_once`]).
    pub fn meeting(mut self, meeting: &Arc<Rendezvous>) -> Url {
        self.meeting = Some(Arc::clone(meeting));
        self
    }

    /// Where the file lives.
    pub fn address(&self) -> &str {
        &self.address
    }

    /// How long the network takes to deliver it.
    pub fn latency(&self) -> Duration {
        self.latency
    }

    /// Where its downloads are recorded.
    pub fn recorder(&self) -> &Recorder {
        &self.recorder
    }

    /// The page this url serves.
    pub fn page(&self) -> Page {
        Page {
            url: self.address.clone(),
            body: format!("contents of {}", self.address),
        }
    }
}

/// A downloaded file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The address it came from.
    pub url: String,
    /// Its contents.
    pub body: String,
}

// ANCHOR: download
/// Downloads one file, blocking the calling thread until it arrives (like `requests.get`).
pub fn download(url: &Url) -> Page {
    let _span = url.recorder.span(url.address(), DOWNLOAD);
    let _in_flight = url.meeting.as_deref().map(Rendezvous::arrive); // in a check: meet the others
    work::download(url.latency); // the thread sleeps: no CPU is used while it waits
    url.page()
}

// ANCHOR: download_async
/// Downloads one file without blocking: while it waits, the runtime runs other tasks
/// (like `await asyncio.sleep` in an `async def download_file`).
pub async fn download_async(url: &Url) -> Page {
    // The span opens at the first poll, not when the future is built: an async fn's body does
    // not start until something polls it.
    let _span = url.recorder.span(url.address(), DOWNLOAD);
    work::download_async(url.latency).await; // the task yields here; the thread is free
    url.page()
}
// ANCHOR_END: download_async
// ANCHOR_END: download

/// Fails, naming the exercise, unless every download span took time on tokio's clock. Under a
/// paused clock, a download that awaited `download_async` takes its latency of simulated time;
/// one run outside the runtime's timers (the blocking one, even in `spawn_blocking`) takes
/// none, and no span shows it. `call` is how the exercise awaits a download (as the learner
/// writes it, e.g. `download_async(url).await`).
#[track_caller]
pub fn expect_async_waits(exercise: &str, spans: &[Span], call: &str) {
    let instant = spans
        .iter()
        .filter(|span| span.duration().is_zero())
        .count();
    assert_eq!(
        instant,
        0,
        "\n{exercise}: {instant} of {} downloads took no time on tokio's clock: they did not \
         wait with `{call}`. A blocking wait, even in `spawn_blocking`, is not one the \
         runtime's timers see; await the async download.\n",
        spans.len(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downloads_are_recorded_and_return_the_page() {
        let recorder = Recorder::new();
        let url = Url::new("a.csv", Duration::from_millis(1), &recorder);
        assert_eq!(download(&url), url.page());
        assert_eq!(url.page().body, "contents of a.csv");
        let spans = recorder.spans_labelled(DOWNLOAD);
        assert_eq!((spans.len(), spans[0].task.as_str()), (1, "a.csv"));
    }

    #[test]
    fn downloads_one_after_another_never_meet() {
        let recorder = Recorder::new();
        let meeting = Arc::new(Rendezvous::new(2, Duration::from_millis(20)));
        for file in ["a.csv", "b.csv"] {
            download(&Url::new(file, Duration::ZERO, &recorder).meeting(&meeting));
        }
        assert!(!meeting.met());
        assert_eq!(meeting.most_at_once(), 1);
    }

    #[test]
    fn downloads_on_threads_meet_without_waiting_for_the_patience() {
        let recorder = Recorder::new();
        let meeting = Arc::new(Rendezvous::new(3, Duration::from_secs(60)));
        let urls: Vec<Url> = ["a", "b", "c"]
            .map(|file| Url::new(file, Duration::ZERO, &recorder).meeting(&meeting))
            .to_vec();
        std::thread::scope(|scope| {
            for url in &urls {
                scope.spawn(move || download(url));
            }
        });
        assert!(meeting.met());
    }
}
