//! Lesson 08: async with tokio.
//!
//! asyncio's ideas, one by one, in tokio: futures that do nothing until awaited or spawned,
//! `join!`/`JoinSet` as `asyncio.gather`, a blocking call that stalls every task on its thread,
//! `select!` and `timeout` (cancellation by dropping a future), `mpsc` as `asyncio.Queue`, the
//! two mutexes, `spawn_blocking` for CPU work, and what 100,000 sleeping tasks cost against
//! threads ([`scale`]).
//!
//! This file holds the code the chapter shows (between `ANCHOR` marks); `src/exercises/` holds
//! the learner's work, one file per exercise, and `src/solutions/` the reference answers. The
//! simulated downloads (`Url`, `Page`, `download_async`) are shared with lesson 01 and live in
//! `instruments::downloads`.

use std::sync::Arc;
use std::task::Poll;
use std::time::Duration;

use instruments::{Recorder, Span, Summary, work};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

pub use instruments::downloads::{DOWNLOAD, Page, Url, download, download_async};

pub mod scale;

#[cfg(not(feature = "solutions"))]
pub mod exercises;
#[cfg(feature = "solutions")]
#[path = "solutions/mod.rs"]
pub mod exercises;

// ANCHOR: download_blocking
/// Deliberately blocking: an `async fn` that calls `std::thread::sleep` (as a blocking
/// `requests.get` inside an `async def` would). It never reaches an `.await` while it waits,
/// so it keeps the runtime's thread, and no other task on that thread can run.
pub async fn download_blocking(url: &Url) -> Page {
    let _span = url.recorder().span(url.address(), DOWNLOAD);
    work::download(url.latency()); // the whole thread sleeps, and every task on it with it
    url.page()
}
// ANCHOR_END: download_blocking

// ANCHOR: spawn_all
/// One task per url with `tokio::spawn`, as `asyncio.create_task` for each: started at once,
/// then awaited in order, so the pages come back in the order of the urls.
pub async fn spawn_all(urls: Vec<Url>, blocking: bool) -> Vec<Page> {
    let tasks: Vec<JoinHandle<Page>> = urls
        .into_iter()
        .map(|url| {
            tokio::spawn(async move {
                match blocking {
                    true => download_blocking(&url).await,
                    false => download_async(&url).await,
                }
            })
        })
        .collect();
    let mut pages = Vec::with_capacity(tasks.len());
    for task in tasks {
        // A `JoinHandle` is a future of the task's output; `Err` means the task panicked.
        pages.push(task.await.expect("a download task panicked"));
    }
    pages
}
// ANCHOR_END: spawn_all

// ANCHOR: interleave
/// The tutorials' "Task A, Task B" on one core: a task that computes a slice of work, then
/// yields ([`yield_to_others`], as `await asyncio.sleep(0)`), `slices` times. Wrapped in
/// [`Recorder::traced`], every poll is a span, so the timeline shows each task's busy slices
/// and, between them, the slices when the other task had the thread.
pub async fn compute_in_slices(slices: usize, terms: u64) -> u64 {
    let mut total = 0_u64;
    for _ in 0..slices {
        total = total.wrapping_add(work::sum_of_squares(terms)); // real CPU work in this poll
        // Hands the thread back to the runtime: the poll ends here, and the other task's
        // poll can begin. Without it, each task would run to the end in one poll.
        yield_to_others().await;
    }
    total
}

/// Like `await asyncio.sleep(0)`: ends this poll, and this task goes to the back of the
/// runtime's queue, behind every task that is ready now. It returns `Pending` once, after
/// waking itself (a future that returns `Pending` must arrange to be woken, or it never is).
///
/// Why not `tokio::task::yield_now`: it defers the wake-up until the runtime next checks its
/// timers and I/O, and (tokio 1.5x, measured) wakes deferred tasks last-in-first-out, so two
/// tasks run A, B, B, A, A, B: still fair, but not the tutorials' strict alternation.
pub async fn yield_to_others() {
    let mut yielded = false;
    std::future::poll_fn(|cx| {
        if yielded {
            return Poll::Ready(());
        }
        yielded = true;
        cx.waker().wake_by_ref(); // back of the queue: ready again, after the others
        Poll::Pending
    })
    .await;
}

/// Runs two sliced tasks, "Task A" and "Task B", on the current runtime, each poll recorded.
pub async fn two_tasks_taking_turns(recorder: &Recorder, slices: usize, terms: u64) -> [u64; 2] {
    let task_a = tokio::spawn(recorder.traced("Task A", "poll", compute_in_slices(slices, terms)));
    let task_b = tokio::spawn(recorder.traced("Task B", "poll", compute_in_slices(slices, terms)));
    let (a, b) = tokio::join!(task_a, task_b);
    [a.expect("Task A panicked"), b.expect("Task B panicked")]
}
// ANCHOR_END: interleave

/// What recorded polls of tasks on one runtime thread show: concurrency without parallelism
/// when one thread ran them and never two at once.
pub fn turns_verdict(summary: &Summary) -> &'static str {
    match (summary.threads, summary.max_concurrent) {
        (1, 1) => "concurrency without parallelism",
        _ => "more than one poll at once (unexpected on a current-thread runtime)",
    }
}

/// What three download tasks on one runtime thread show, by how many waited at once.
pub fn overlap_verdict(most_at_once: usize) -> &'static str {
    match most_at_once {
        3 => "all three waits overlapped",
        1 => "one after another: the sleep held the only thread",
        _ => "partly overlapped",
    }
}

/// How many times the thread passed from one task to another: a poll of one task right after a
/// poll of another (the polls in the order they began, as a recorder keeps them).
pub fn switches(polls: &[Span]) -> usize {
    polls.windows(2).filter(|p| p[0].task != p[1].task).count()
}

// ANCHOR: select
/// Asks two servers for the same file and keeps whichever answers first. `select!` polls both
/// futures; when one finishes, the other is *dropped*, which is how tokio cancels: no
/// exception is thrown into it (as `task.cancel()` does in asyncio), it is simply never polled
/// again, and its destructors run (its span ends right then).
pub async fn fastest_mirror(primary: &Url, mirror: &Url) -> Page {
    tokio::select! {
        page = download_async(primary) => page,
        page = download_async(mirror) => page,
    }
}

/// A download with a deadline, like `asyncio.wait_for(download(url), timeout)`: `None` when
/// the deadline passed first (and the download was dropped, so cancelled).
pub async fn download_within(url: &Url, limit: Duration) -> Option<Page> {
    tokio::time::timeout(limit, download_async(url)).await.ok()
}
// ANCHOR_END: select

// ANCHOR: queue
/// Downloaders put pages on a queue; one consumer takes them off as they arrive, like
/// `asyncio.Queue` with `put`/`get`. The channel is bounded: a downloader that finds it full
/// waits at `send(..).await` (backpressure), as `await queue.put(...)` does on a full queue.
pub async fn download_into_queue(urls: Vec<Url>, capacity: usize) -> Vec<Page> {
    let (sender, mut receiver) = mpsc::channel::<Page>(capacity);
    for url in urls {
        let sender = sender.clone(); // many producers: one sender each
        tokio::spawn(async move {
            let page = download_async(&url).await;
            // Fails only if the receiver is gone, and then nobody wants the page.
            let _ = sender.send(page).await;
        });
    }
    // Drop our own sender: `recv` returns `None` once every sender is gone, which is how the
    // consumer knows the queue is finished (asyncio needs `task_done`/`join` or a sentinel).
    drop(sender);
    let mut pages = Vec::new();
    while let Some(page) = receiver.recv().await {
        pages.push(page); // in the order they finished, not the order of the urls
    }
    pages
}
// ANCHOR_END: queue

// ANCHOR: mutexes
/// A connection that carries one request at a time (an old HTTP/1.0 server, a database
/// session): downloads through it must take turns, *including while they wait*.
#[derive(Debug, Default)]
pub struct Connection {
    /// Requests sent through it.
    pub requests: usize,
}

/// Downloads every url as its own task; two pieces of shared state, two kinds of mutex.
/// Returns the pages in the order they finished and the count of requests on the connection.
pub async fn download_shared(urls: Vec<Url>, one_connection: bool) -> (Vec<Page>, usize) {
    // std's Mutex for the list of pages: it is locked for one `push` and never held across an
    // `.await`, so it blocks nobody for long, and it is cheaper than tokio's.
    let pages = Arc::new(std::sync::Mutex::new(Vec::new()));
    // tokio's Mutex for the connection: its guard is held across the download's `.await`. A
    // task waiting for it yields (the thread runs other tasks), and its guard is `Send`, so a
    // task holding it may move between threads. std's guard is not `Send`: `tokio::spawn`
    // refuses a task that holds one across an `.await`.
    let connection = Arc::new(tokio::sync::Mutex::new(Connection::default()));
    let mut tasks = tokio::task::JoinSet::new();
    for url in urls {
        let (pages, connection) = (Arc::clone(&pages), Arc::clone(&connection));
        tasks.spawn(async move {
            let page = if one_connection {
                let mut connection = connection.lock().await; // waits without blocking
                connection.requests += 1;
                download_async(&url).await // still holding the connection: others wait
            } else {
                download_async(&url).await
            };
            pages
                .lock()
                .expect("no task panicked holding the pages")
                .push(page);
        });
    }
    while let Some(done) = tasks.join_next().await {
        done.expect("a download task panicked");
    }
    let requests = connection.lock().await.requests;
    let pages = std::mem::take(&mut *pages.lock().expect("no task panicked holding the pages"));
    (pages, requests)
}
// ANCHOR_END: mutexes

// ANCHOR: spawn_blocking
/// CPU-heavy work from async code (here, a checksum of `terms` terms): `spawn_blocking` runs
/// it on tokio's pool of blocking threads, so the runtime's own threads keep polling tasks,
/// as `loop.run_in_executor(None, checksum, page)` does in asyncio.
pub async fn checksum(recorder: &Recorder, page: &Page, terms: u64) -> u64 {
    let (recorder, task) = (recorder.clone(), page.url.clone());
    tokio::task::spawn_blocking(move || {
        recorder.record(task, "checksum", || work::sum_of_squares(terms))
    })
    .await
    .expect("the checksum panicked")
}
// ANCHOR_END: spawn_blocking

/// Builds a runtime with one thread, as asyncio's event loop has, with timers enabled.
pub fn current_thread_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a tokio runtime starts")
}
