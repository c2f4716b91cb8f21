//! Checks for lesson 01's exercises: `cargo test -p lesson-01`.
//!
//! Each check wants the pages in the order of the urls, and every download running at the same
//! time: all five at once, so that an answer that starts them one after another, two at a
//! time, or behind one lock is caught. The threads check proves it with a meeting
//! (`instruments::rendezvous`): each download waits until all five are in flight, so a correct
//! answer passes at once, with no sleep long enough to make the spans overlap. The async check
//! reads the recorded spans on tokio's paused clock and also watches, in real time, that no task
//! blocks the runtime's thread (`instruments::blocking`): a blocking download does not move the
//! paused clock, so its spans alone would not tell.

use std::sync::Arc;
use std::time::Duration;

use instruments::Recorder;
use instruments::blocking::{self, Clock};
use instruments::check::{expect_at_once, within};
use instruments::downloads::{DOWNLOAD, expect_async_waits};
use instruments::rendezvous::Rendezvous;
use instruments::timeline::draw;
use lesson_01::exercises::{download_all_async, download_all_threads};
use lesson_01::{Page, Url};

const THREADS: &str =
    "exercise 1.1 `download_all_threads` (lessons/lesson-01/src/exercises/download_all_threads.rs)";
const ASYNC: &str =
    "exercise 1.2 `download_all_async` (lessons/lesson-01/src/exercises/download_all_async.rs)";

/// Five files, asked for in this order (not alphabetical), with latencies in units: they
/// finish in another order (a and d, b, e, c), so an answer that collects pages as they
/// arrive, or sorts them, is caught. Five, so that "two at a time" is not "all at once".
const FILES: [(&str, u32); 5] = [
    ("c.csv", 8),
    ("a.csv", 5),
    ("e.csv", 7),
    ("b.csv", 6),
    ("d.csv", 5),
];

fn urls(recorder: &Recorder, unit: Duration) -> Vec<Url> {
    FILES
        .into_iter()
        .map(|(file, units)| Url::new(file, unit * units, recorder))
        .collect()
}

#[track_caller]
fn expect_in_order(exercise: &str, pages: &[Page]) {
    let want: Vec<&str> = FILES.iter().map(|(file, _)| *file).collect();
    let got: Vec<&str> = pages.iter().map(|page| page.url.as_str()).collect();
    assert_eq!(
        got.len(),
        want.len(),
        "\n{exercise}: {} urls, but {} pages came back: {got:?}. Every url needs its page: \
         download each one (not a fixed number of them) and wait for all before returning.\n",
        want.len(),
        got.len(),
    );
    assert_eq!(
        got, want,
        "\n{exercise}: the pages must come back in the order of the urls ({want:?}); got \
         {got:?}. Collect the results in the order you started the downloads, not the order \
         they finish in (and do not sort them).\n"
    );
}

/// How long each download waits for the others at the meeting before it gives up: the time
/// every thread has to start after the first one has. Only a wrong answer waits it out (once
/// per download that never meets, so a sequential answer takes five of them).
const PATIENCE: Duration = Duration::from_millis(500);

#[test]
fn exercise_1_1_threads_download_every_url_at_once_and_keep_order() {
    within(THREADS, Duration::from_secs(6), || {
        let recorder = Recorder::new();
        // Every download first waits at a meeting until all five are in flight together: a
        // correct answer meets at once, however slow the machine, and pays no sleep for the
        // proof; a sequential or batched one never gathers five, and each of its downloads
        // gives up after the patience. After the meeting each takes 10-16 ms, so they finish
        // in another order than they were asked for (which catches pages collected as they
        // finish) at little cost.
        let meeting = Arc::new(Rendezvous::new(FILES.len(), PATIENCE));
        let urls: Vec<Url> = urls(&recorder, Duration::from_millis(2))
            .into_iter()
            .map(|url| url.meeting(&meeting))
            .collect();
        let pages = download_all_threads(&urls);
        expect_in_order(THREADS, &pages);
        let spans = recorder.spans_labelled(DOWNLOAD);
        let most = meeting.most_at_once();
        assert!(
            meeting.met(),
            "\n{THREADS}: expected all {} downloads in flight at the same time, but at most \
             {most} did:\n\n{}\nEvery url needs its own thread, all running at once: spawn \
             every thread first, then join them. Joining inside the loop that spawns waits for \
             each download before starting the next; starting them in batches (two at a time) \
             keeps the rest waiting; a lock held around `download` lets one run at a time.\n",
            FILES.len(),
            draw(&spans, 72),
        );
    });
}

#[test]
fn exercise_1_1_threads_handle_no_urls() {
    let pages = within(
        THREADS,
        Duration::from_secs(4),
        || download_all_threads(&[]),
    );
    assert!(pages.is_empty(), "\n{THREADS}: no urls, no pages.\n");
}

#[test]
fn exercise_1_2_async_downloads_every_url_at_once_without_blocking_and_keeps_order() {
    // The paused clock simulates the latencies (the check takes no real time for an answer
    // that awaits); `blocking::run` fails at once if a task holds the runtime's thread.
    let (pages, spans) = blocking::run(ASYNC, Duration::from_secs(3), Clock::Paused, || async {
        let recorder = Recorder::new();
        let pages = download_all_async(&urls(&recorder, Duration::from_millis(100))).await;
        (pages, recorder.spans_labelled(DOWNLOAD))
    });
    expect_in_order(ASYNC, &pages);
    expect_async_waits(ASYNC, &spans, "download_async(url).await");
    expect_at_once(
        ASYNC,
        &spans,
        FILES.len(),
        "Every download must be in flight at once: awaiting each future in a loop waits for \
         it to finish before the next starts, and futures do nothing until polled, so \
         building them all first and then awaiting them one by one is sequential too. Await \
         them together, as asyncio.gather does (`futures::future::join_all`), not a few at a \
         time.",
    );
}

#[test]
fn exercise_1_2_async_handles_no_urls() {
    let pages = blocking::run(ASYNC, Duration::from_secs(3), Clock::Paused, || async {
        download_all_async(&[]).await
    });
    assert!(pages.is_empty(), "\n{ASYNC}: no urls, no pages.\n");
}
