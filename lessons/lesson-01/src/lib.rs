//! Lesson 01: why concurrency.
//!
//! The tutorials' opening example: `download_file(url)` waits on the network, so three
//! downloads done one after another take three times as long as one. Started together (three
//! threads, or three async tasks) they take about as long as the slowest one.
//!
//! This file holds the code the chapter shows (between `ANCHOR` marks); `src/exercises/` holds
//! the learner's work, one file per exercise, and `src/solutions/` the reference answers.

use std::thread;
use std::time::Duration;

use instruments::{Recorder, work};

#[cfg(not(feature = "solutions"))]
pub mod exercises;
#[cfg(feature = "solutions")]
#[path = "solutions/mod.rs"]
pub mod exercises;

/// A file to download. Its latency stands for the network; its recorder notes when each
/// download ran, so a run can be drawn and checked.
#[derive(Debug, Clone)]
pub struct Url {
    address: String,
    latency: Duration,
    recorder: Recorder,
}

impl Url {
    /// A file at `address` that takes `latency` to download; downloads are recorded in
    /// `recorder`.
    pub fn new(address: impl Into<String>, latency: Duration, recorder: &Recorder) -> Url {
        Url {
            address: address.into(),
            latency,
            recorder: recorder.clone(),
        }
    }

    /// Where the file lives.
    pub fn address(&self) -> &str {
        &self.address
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
    let _span = url.recorder.span(url.address(), "download");
    work::download(url.latency); // the thread sleeps: no CPU is used while it waits
    Page {
        url: url.address.clone(),
        body: format!("contents of {}", url.address),
    }
}

/// Downloads one file without blocking: while it waits, the runtime runs other tasks
/// (like `await asyncio.sleep` in an `async def download_file`).
pub async fn download_async(url: &Url) -> Page {
    let _span = url.recorder.span(url.address(), "download");
    work::download_async(url.latency).await; // the task yields here; the thread is free
    Page {
        url: url.address.clone(),
        body: format!("contents of {}", url.address),
    }
}
// ANCHOR_END: download

// ANCHOR: sequential
/// One after another: each download starts when the previous one has finished.
pub fn download_all_sequential(urls: &[Url]) -> Vec<Page> {
    urls.iter().map(download).collect()
}
// ANCHOR_END: sequential

// ANCHOR: spawned
/// One thread per file, as the tutorials' `threading.Thread(target=download_file, args=(url,))`:
/// start them all, then join them all.
pub fn download_all_spawned(urls: Vec<Url>) -> Vec<Page> {
    // `move` gives each thread its own `Url`: a spawned thread may outlive this function,
    // so it cannot borrow from it.
    let handles: Vec<thread::JoinHandle<Page>> = urls
        .into_iter()
        .map(|url| thread::spawn(move || download(&url)))
        .collect();
    // `join` waits for a thread and hands back what it returned. Joining in the order the
    // threads were started keeps the pages in the order of the urls.
    handles
        .into_iter()
        .map(|handle| handle.join().expect("a download thread panicked"))
        .collect()
}
// ANCHOR_END: spawned

// ANCHOR: tasks
/// One tokio task per file, as `asyncio.create_task(download_file(url))` for each url, then
/// awaiting each task.
pub async fn download_all_tasks(urls: Vec<Url>) -> Vec<Page> {
    let tasks: Vec<tokio::task::JoinHandle<Page>> = urls
        .into_iter()
        .map(|url| tokio::spawn(async move { download_async(&url).await }))
        .collect();
    let mut pages = Vec::with_capacity(tasks.len());
    for task in tasks {
        pages.push(task.await.expect("a download task panicked"));
    }
    pages
}
// ANCHOR_END: tasks
