//! Lesson 01: why concurrency.
//!
//! The tutorials' opening example: `download_file(url)` waits on the network, so three
//! downloads done one after another take three times as long as one. Started together (three
//! threads, or three async tasks) they take about as long as the slowest one.
//!
//! This file holds the code the chapter shows (between `ANCHOR` marks); `src/exercises/` holds
//! the learner's work, one file per exercise, and `src/solutions/` the reference answers. The
//! simulated downloads themselves (`Url`, `Page`, `download`, `download_async`) are shared with
//! lesson 08 and live in `instruments::downloads`.

use std::thread;

pub use instruments::downloads::{Page, Url, download, download_async};

#[cfg(not(feature = "solutions"))]
pub mod exercises;
#[cfg(feature = "solutions")]
#[path = "solutions/mod.rs"]
pub mod exercises;

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
