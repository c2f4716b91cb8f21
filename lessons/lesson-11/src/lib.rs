//! Lesson 11: a mixed pipeline, downloads (I/O) feeding analyses (CPU).
//!
//! The tutorials' two stages as they write them (every download in a pool, then every analysis
//! in another) against a streaming pipeline: downloads on tokio put each page into a bounded
//! channel as it arrives, and rayon's pool analyses pages as they come out, so the cores start
//! with the first page and the channel's capacity bounds what waits in memory. The CPU work
//! never runs on the runtime's thread: [`streaming_on_the_runtime`] makes that mistake, and a
//! [`Heartbeat`] task on the runtime measures how late it made everything else.
//!
//! This file holds the code the chapter shows (between `ANCHOR` marks); [`flow`] the lesson's
//! world (urls, pages, the analyser, the counters that see the queue); `src/exercises/` the
//! learner's work, one file per exercise, and `src/solutions/` the reference answers.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use futures::stream::{self, StreamExt};
use instruments::Recorder;
use rayon::iter::{IntoParallelIterator, ParallelBridge, ParallelIterator};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio::time::Instant;

pub mod flow;
pub mod measure;

pub use flow::{ANALYSE, Analyser, DOWNLOAD, Fetch, Figures, Flow, Hook, Page, Report, Url};

#[cfg(not(feature = "solutions"))]
pub mod exercises;
#[cfg(feature = "solutions")]
#[path = "solutions/mod.rs"]
pub mod exercises;

// ANCHOR: two_stages
/// The tutorials' pipeline as they write it: stage 1 downloads every page (at most `limit` at
/// once, as `ThreadPoolExecutor(limit).map(download, urls)`), and only then does stage 2
/// analyse them all on rayon's pool (as `ProcessPoolExecutor().map(analyse, pages)`).
pub async fn two_stages(urls: Vec<Url>, limit: usize, analyser: Analyser) -> Vec<Report> {
    // Stage 1: every page is downloaded and kept in memory before any analysis starts.
    let pages: Vec<Page> = stream::iter(urls)
        .map(|url| async move { url.download().await })
        .buffered(limit) // at most `limit` downloads at once, pages in the order of the urls
        .collect()
        .await;
    // Stage 2: the cores, idle until now, analyse everything. `spawn_blocking` keeps the
    // runtime's thread free while rayon's pool works (the thread it lends only waits).
    tokio::task::spawn_blocking(move || {
        pages
            .into_par_iter()
            .map(|page| analyser.analyse(page))
            .collect()
    })
    .await
    .expect("an analysis panicked")
}
// ANCHOR_END: two_stages

// ANCHOR: streaming
/// The streaming pipeline: downloads (at most `limit` at once) put each page into a channel
/// of `capacity` as soon as it arrives, and rayon's pool analyses pages as they come out. The
/// reports come back in the order the analyses finished.
pub async fn streaming(
    urls: Vec<Url>,
    limit: usize,
    capacity: usize,
    analyser: Analyser,
) -> Vec<Report> {
    let (pages, mut inbox) = mpsc::channel::<Page>(capacity);
    // The CPU side, off the runtime: one blocking thread turns the channel into an iterator,
    // and `par_bridge` hands its pages to rayon's workers, each taking the next page when it
    // is free. `blocking_recv` waits for a page; `None` means every sender is gone.
    let analyses = tokio::task::spawn_blocking(move || {
        std::iter::from_fn(|| inbox.blocking_recv())
            .par_bridge()
            .map(|page| analyser.analyse(page))
            .collect::<Vec<Report>>()
    });
    feed(urls, limit, pages).await; // the I/O side, on the runtime
    analyses.await.expect("an analysis panicked")
}

/// Downloads `urls`, at most `limit` at once, and sends each page as it arrives. When the
/// channel is full, `send` waits, this loop stops taking finished downloads, and no new
/// download starts: that is backpressure, and it is what keeps memory bounded.
pub async fn feed(urls: Vec<Url>, limit: usize, pages: mpsc::Sender<Page>) {
    let mut downloads = stream::iter(urls)
        .map(|url| async move { url.download().await })
        .buffer_unordered(limit); // in the order they finish
    while let Some(page) = downloads.next().await {
        if pages.send(page).await.is_err() {
            return; // the analyses are gone: nobody wants the rest
        }
    }
    // `pages` is dropped here, which closes the channel once it is empty.
}
// ANCHOR_END: streaming

// ANCHOR: on_the_runtime
/// The same pipeline with one mistake: the analyses run in an async task, so on the
/// runtime's thread. Deliberately wrong: while a page is analysed, no other task on that
/// thread runs (no download makes progress, no timer fires, the heartbeat waits).
pub async fn streaming_on_the_runtime(
    urls: Vec<Url>,
    limit: usize,
    capacity: usize,
    analyser: Analyser,
) -> Vec<Report> {
    let (pages, mut inbox) = mpsc::channel::<Page>(capacity);
    let analyses = tokio::spawn(async move {
        let mut reports = Vec::new();
        while let Some(page) = inbox.recv().await {
            reports.push(analyser.analyse(page)); // CPU work inside an async task
        }
        reports
    });
    feed(urls, limit, pages).await;
    analyses.await.expect("an analysis panicked")
}
// ANCHOR_END: on_the_runtime

// ANCHOR: heartbeat
/// A task that wants to run every `period`, on the runtime it is started from. How late it
/// runs is how long the runtime's thread was kept from its tasks. Each beat later than a
/// period is recorded as a span (task `heartbeat`, label `late`), so the timeline shows it.
#[derive(Debug)]
pub struct Heartbeat {
    task: JoinHandle<()>,
    beats: Arc<Mutex<Beats>>,
}

/// What a [`Heartbeat`] saw.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Beats {
    /// How many times it ran.
    pub count: usize,
    /// The latest it ever ran, after the time it was due.
    pub worst: Duration,
}

impl Heartbeat {
    /// Starts beating on the current tokio runtime.
    ///
    /// # Panics
    /// Outside a tokio runtime.
    pub fn start(recorder: &Recorder, period: Duration) -> Heartbeat {
        let beats = Arc::new(Mutex::new(Beats::default()));
        let (seen, recorder) = (Arc::clone(&beats), recorder.clone());
        let task = tokio::spawn(async move {
            let mut due = Instant::now() + period;
            loop {
                tokio::time::sleep_until(due).await; // yields: the thread runs other tasks
                let late = Instant::now().saturating_duration_since(due);
                if late > period {
                    let now = recorder.now();
                    let task = String::from("heartbeat");
                    recorder.push(task, String::from("late"), now.saturating_sub(late), now);
                }
                let mut beats = seen.lock().unwrap_or_else(PoisonError::into_inner);
                beats.count += 1;
                beats.worst = beats.worst.max(late);
                due = Instant::now() + period;
            }
        });
        Heartbeat { task, beats }
    }

    /// What it saw so far.
    pub fn beats(&self) -> Beats {
        *self.beats.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Stops it; returns what it saw.
    pub fn stop(self) -> Beats {
        self.task.abort();
        self.beats()
    }
}
// ANCHOR_END: heartbeat

/// Builds a runtime with one thread, as asyncio's event loop has, with timers enabled.
pub fn current_thread_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime starts")
}
