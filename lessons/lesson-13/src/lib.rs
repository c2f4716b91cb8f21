//! Lesson 13: errors and cancellation in concurrent code.
//!
//! Where a failure goes when it happens on another thread or task, and how to stop the work
//! that no longer matters: a panic in a thread comes back from `join` as `Err`, and
//! `thread::scope` raises it again; tokio's `JoinError` says whether a task panicked or was
//! cancelled; a `JoinSet` aborts its tasks when dropped, a dropped `JoinHandle` does not; fail
//! fast with `try_join_all` or a `CancellationToken`; `timeout`; dropping a future is
//! cancelling it, and `select!` drops every branch but the winner (cancellation safety); rayon
//! passes a worker's panic to the caller; and `panic = "abort"` ends the whole process.
//!
//! This file holds the code the chapter shows (between `ANCHOR` marks); [`world`] the
//! simulated pages, flaky server and jobs; [`tour`] the demonstration's one-line facts;
//! `src/exercises/` the learner's work and `src/solutions/` the reference answers.

use std::thread;
use std::time::Duration;

use futures::future::{join_all, try_join_all};
use instruments::check::panic_text;
use instruments::{Recorder, Span};
use tokio::sync::mpsc::Receiver;
use tokio_util::sync::CancellationToken;

pub mod panics;
pub mod report;
pub mod tour;
pub mod world;

pub use world::*;

#[cfg(not(feature = "solutions"))]
pub mod exercises;
#[cfg(feature = "solutions")]
#[path = "solutions/mod.rs"]
pub mod exercises;

// ANCHOR: thread_panic
/// A panic in a thread does not vanish, as an exception in a `threading.Thread` does: it ends
/// that thread, and `join` returns it to whoever joins, as an `Err` holding the panic's
/// payload (its message), like `future.result()` raising the worker's exception.
pub fn join_a_panicking_thread() -> Result<usize, String> {
    let worker = thread::spawn(|| -> usize { panic!("page 3 is corrupt") });
    worker.join().map_err(|payload| panic_text(&*payload))
}

/// `thread::scope` joins every thread it started before it returns, and if one of them
/// panicked (and nobody joined it by hand), the scope panics too: the failure reaches the
/// caller whether or not anyone asked. (Its message is its own, "a scoped thread panicked":
/// the original one went to the panic hook.)
pub fn scope_with_a_panicking_thread() -> Result<(), String> {
    std::panic::catch_unwind(|| {
        thread::scope(|scope| {
            scope.spawn(|| panic!("page 4 is corrupt"));
            scope.spawn(|| "page 5 is fine");
        });
    })
    .map_err(|payload| panic_text(&*payload))
}
// ANCHOR_END: thread_panic

// ANCHOR: errors_as_values
/// Errors as values: each thread returns a `Result`, and `join` hands it over untouched, so
/// the caller sees every failure (`Ok(Err(..))`) beside every panic (`Err(..)`).
pub fn parse_in_threads(inputs: &[&'static str]) -> Vec<Result<u32, String>> {
    let workers: Vec<_> = inputs
        .iter()
        .map(|&text| thread::spawn(move || text.parse::<u32>().map_err(|e| format!("{text}: {e}"))))
        .collect();
    workers
        .into_iter()
        .map(|worker| worker.join().expect("parsing does not panic"))
        .collect()
}
// ANCHOR_END: errors_as_values

// ANCHOR: join_error
/// What tokio says about a task that did not return: a `JoinError`, which tells a panic
/// (`is_panic`, the payload inside) from a cancellation (`is_cancelled`, after `abort`).
pub async fn join_errors() -> (bool, bool) {
    let panicked = tokio::spawn(async { panic!("task 7 failed") }).await;
    let aborted = tokio::spawn(tokio::time::sleep(Duration::from_secs(60)));
    aborted.abort();
    let aborted = aborted.await;
    let panicked = panicked.expect_err("the task panicked");
    let aborted = aborted.expect_err("the task was aborted");
    (panicked.is_panic(), aborted.is_cancelled())
}
// ANCHOR_END: join_error

// ANCHOR: fail_fast
/// Without cancellation: wait for every fetch (`asyncio.gather`), then look for an error. The
/// error is known as soon as it happens, but returned only when the slowest fetch is done.
pub async fn join_all_then_check(links: &[Link]) -> Result<Vec<Page>, FetchError> {
    join_all(links.iter().map(fetch))
        .await
        .into_iter()
        .collect()
}

/// `try_join_all` polls every fetch together and returns at the first `Err`; returning drops
/// the other futures, and dropping a future cancels it: they stop where they are.
pub async fn try_join_all_futures(links: &[Link]) -> Result<Vec<Page>, FetchError> {
    try_join_all(links.iter().map(fetch)).await
}

/// The same with *spawned tasks*: the error comes back as fast, but dropping a `JoinHandle`
/// does not stop its task. The other fetches run on, detached, and nobody will see their end.
pub async fn spawned_then_detached(links: &[Link]) -> Result<Vec<Page>, FetchError> {
    let tasks = links.iter().cloned().map(|link| {
        let task = tokio::spawn(async move { fetch(&link).await });
        async move { task.await.expect("a fetch task panicked") }
    });
    try_join_all(tasks).await
}

/// Spawned tasks that stop when told: each races its fetch against a shared
/// `CancellationToken`, and the first to fail cancels the token, which stops the others.
pub async fn cancel_with_a_token(links: &[Link]) -> Result<Vec<Page>, FetchError> {
    let token = CancellationToken::new();
    let tasks: Vec<_> = links
        .iter()
        .cloned()
        .map(|link| {
            let token = token.clone();
            tokio::spawn(async move {
                let result = tokio::select! {
                    result = fetch(&link) => result,
                    () = token.cancelled() => return None, // the fetch is dropped: stopped
                };
                if result.is_err() {
                    token.cancel(); // tell every other task to stop
                }
                Some(result)
            })
        })
        .collect();
    let mut pages = Vec::new();
    for task in tasks {
        match task.await.expect("a fetch task panicked") {
            Some(Ok(page)) => pages.push(page),
            Some(Err(error)) => return Err(error), // the others have been told to stop
            None => {}                             // stopped by the token
        }
    }
    Ok(pages)
}
// ANCHOR_END: fail_fast

// ANCHOR: lost_panic
/// A panic in a spawned task whose `JoinHandle` was dropped: tokio catches it, keeps the
/// runtime going, and tells nobody (asyncio at least prints "Task exception was never
/// retrieved" when such a task is collected). Returns what the caller learnt: nothing.
pub async fn detached_panic(recorder: &Recorder, after: Duration) -> Option<String> {
    let recorder = recorder.clone();
    drop(tokio::spawn(async move {
        let _span = recorder.span("detached task", "runs, then panics");
        tokio::time::sleep(after).await;
        panic!("the detached task failed");
    }));
    tokio::time::sleep(after * 2).await; // long after the panic: still nothing to see
    None
}

/// The same task, kept in a `JoinSet` and joined: the panic arrives as a `JoinError`.
pub async fn awaited_panic(recorder: &Recorder, after: Duration) -> Option<String> {
    let recorder = recorder.clone();
    let mut tasks = tokio::task::JoinSet::new();
    tasks.spawn(async move {
        let _span = recorder.span("joined task", "runs, then panics");
        tokio::time::sleep(after).await;
        panic!("the joined task failed");
    });
    let error = tasks.join_next().await?.err()?;
    error.is_panic().then(|| panic_text(&*error.into_panic()))
}
// ANCHOR_END: lost_panic

// ANCHOR: select_safety
/// Cancellation safety. In a `select!` loop, the branch that loses is *dropped*, every time.
/// `receiver.recv()` is cancellation safe: dropped before a message arrived, it took none.
pub async fn read_each(receiver: &mut Receiver<u32>, tick: Duration) -> Vec<u32> {
    let (mut received, mut ticker) = (Vec::new(), tokio::time::interval(tick));
    loop {
        tokio::select! {
            got = receiver.recv() => match got {
                Some(message) => received.push(message),
                None => return received,
            },
            _ = ticker.tick() => {} // a heartbeat, a progress line: it wins now and then
        }
    }
}

/// `two_at_a_time` is not cancellation safe: dropped after its first `recv`, it loses the
/// message it holds.
pub async fn read_pairs(receiver: &mut Receiver<u32>, tick: Duration) -> Vec<u32> {
    async fn two_at_a_time(receiver: &mut Receiver<u32>) -> Option<[u32; 2]> {
        let first = receiver.recv().await?; // kept only in this future's state...
        let second = receiver.recv().await?; // ...which a lost race drops, `first` with it
        Some([first, second])
    }
    let (mut received, mut ticker) = (Vec::new(), tokio::time::interval(tick));
    loop {
        tokio::select! {
            got = two_at_a_time(receiver) => match got {
                Some(pair) => received.extend(pair),
                None => return received,
            },
            _ = ticker.tick() => {}
        }
    }
}
// ANCHOR_END: select_safety

/// 12 messages, one every 10 ms, read by a `select!` loop with a 25 ms tick: by `recv()`
/// ([`read_each`]), or with `pairs`, by a future that takes two `recv()`s ([`read_pairs`]).
/// Returns the messages that arrived.
pub async fn through_select(pairs: bool) -> Vec<u32> {
    let (sender, mut receiver) = tokio::sync::mpsc::channel(16);
    tokio::spawn(async move {
        for message in 1..=12 {
            tokio::time::sleep(Duration::from_millis(10)).await;
            let _ = sender.send(message).await;
        }
    });
    let tick = Duration::from_millis(25);
    match pairs {
        false => read_each(&mut receiver, tick).await,
        true => read_pairs(&mut receiver, tick).await,
    }
}

// ANCHOR: rayon_panic
/// rayon runs the closure on its worker threads, and if one panics, the panic is carried back
/// and raised again in the thread that called `sum` (once every worker has stopped).
pub fn rayon_with_a_panic(pages: u64) -> Result<u64, String> {
    use rayon::prelude::*;
    std::panic::catch_unwind(|| {
        (0..pages)
            .into_par_iter()
            .map(|page| match page {
                13 => panic!("page 13 is corrupt"),
                _ => page * 2,
            })
            .sum::<u64>()
    })
    .map_err(|payload| panic_text(&*payload))
}
// ANCHOR_END: rayon_panic

/// How long the other fetches went on after the first error: the latest end of a span of any
/// other page, less the moment the error happened (the end of the failing page's span). Zero
/// when nothing ran on; `None` without a failing fetch.
pub fn ran_on_after_the_error(spans: &[Span], failing: &str) -> Option<Duration> {
    let error_at = spans.iter().find(|s| s.task == failing)?.end;
    let last = spans
        .iter()
        .filter(|s| s.task != failing)
        .map(|s| s.end)
        .max()
        .unwrap_or(error_at);
    Some(last.saturating_sub(error_at))
}

/// Waits (bounded, 10 s) until `count` spans labelled `label` are recorded: detached tasks
/// still running are seen to their end, so their timeline is whole.
pub async fn until_recorded(recorder: &Recorder, label: &str, count: usize) {
    for _ in 0..2_000 {
        if recorder.spans_labelled(label).len() >= count {
            return;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// A runtime with one thread, as asyncio's event loop has, with timers enabled.
pub fn current_thread_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a tokio runtime starts")
}

/// The four ways [`demo_links`] are fetched in the demonstration, with and without
/// cancellation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailFast {
    /// [`join_all_then_check`].
    JoinAll,
    /// [`try_join_all_futures`].
    TryJoinAll,
    /// [`spawned_then_detached`].
    Detached,
    /// [`cancel_with_a_token`].
    Token,
}

/// What one way of failing fast did: when the error came back, and how long the other fetches
/// went on after it.
#[derive(Debug, Clone, PartialEq)]
pub struct FailFastRun {
    pub error: Option<FetchError>,
    pub returned_after: Duration,
    pub ran_on: Duration,
}

/// The demonstration's five pages, in units of `unit`: 4, 9, 3 (fails, 404), 7 and 6.
pub fn demo_links(recorder: &Recorder, unit: Duration) -> Vec<Link> {
    let link = |name: &str, units: u32| Link::ok(name, unit * units, recorder);
    vec![
        link("page-1", 4),
        link("page-2", 9),
        Link::failing(FAILING, unit * 3, ErrorKind::NotFound, recorder),
        link("page-4", 7),
        link("page-5", 6),
    ]
}

/// The page of [`demo_links`] that fails.
pub const FAILING: &str = "page-3";

impl FailFast {
    /// Fetches [`demo_links`] this way; then waits until every fetch has ended, detached ones
    /// too, so the recorded timeline is whole.
    pub async fn run(self, recorder: &Recorder, unit: Duration) -> FailFastRun {
        let links = demo_links(recorder, unit);
        let result = match self {
            FailFast::JoinAll => join_all_then_check(&links).await,
            FailFast::TryJoinAll => try_join_all_futures(&links).await,
            FailFast::Detached => spawned_then_detached(&links).await,
            FailFast::Token => cancel_with_a_token(&links).await,
        };
        let returned_after = recorder.now();
        until_recorded(recorder, FETCH, links.len()).await;
        let spans = recorder.spans_labelled(FETCH);
        FailFastRun {
            error: result.err(),
            returned_after,
            ran_on: ran_on_after_the_error(&spans, FAILING).unwrap_or_default(),
        }
    }
}

/// What a fail-fast run shows, from when the error came back and how long the others ran on
/// after it (`error_at`: when the failing fetch ended).
pub fn ran_on_verdict(returned: Duration, ran_on: Duration, error_at: Duration) -> &'static str {
    // A few milliseconds of scheduling is "at once" on a real clock.
    let late = |d: Duration| d > Duration::from_millis(5) + error_at / 20;
    match (late(returned.saturating_sub(error_at)), late(ran_on)) {
        (true, true) => "waited for every fetch (no fail fast)",
        (false, true) => "failed fast, but the others ran on, detached",
        (false, false) => "failed fast, and the others stopped at the error",
        (true, false) => "returned late, though the others had stopped",
    }
}
