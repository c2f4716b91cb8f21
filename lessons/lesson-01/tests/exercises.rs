//! Checks for lesson 01's exercises: `cargo test -p lesson-01`.
//!
//! Each check wants two things: the pages in the order of the urls, and downloads that really
//! ran at the same time (read from the recorded spans, not from the clock).

use std::time::Duration;

use instruments::Recorder;
use instruments::check::expect_at_once;
use lesson_01::exercises::{download_all_async, download_all_threads};
use lesson_01::{Page, Url};

/// Latencies chosen so that the downloads finish in a different order (b, c, a) than they
/// were asked for (a, b, c): an answer that collects pages as they arrive is caught.
fn urls(recorder: &Recorder, scale: Duration) -> Vec<Url> {
    [("a.csv", 3), ("b.csv", 1), ("c.csv", 2)]
        .into_iter()
        .map(|(file, units)| Url::new(file, scale * units, recorder))
        .collect()
}

#[track_caller]
fn expect_in_order(exercise: &str, pages: &[Page]) {
    let got: Vec<&str> = pages.iter().map(|page| page.url.as_str()).collect();
    assert_eq!(
        got,
        ["a.csv", "b.csv", "c.csv"],
        "\n{exercise}: the pages must come back in the order of the urls (a, b, c); got {got:?}. \
         Collect the results in the order you started the downloads, not the order they finish.\n"
    );
}

#[test]
fn exercise_1_1_threads_download_together_and_keep_order() {
    let exercise = "exercise 1.1 `download_all_threads` (lessons/lesson-01/src/exercises.rs)";
    let recorder = Recorder::new();
    // Generous latencies: the second thread has 300 ms to start before the first finishes.
    let pages = download_all_threads(&urls(&recorder, Duration::from_millis(100)));
    expect_in_order(exercise, &pages);
    expect_at_once(
        exercise,
        &recorder.spans_labelled("download"),
        2,
        "The downloads ran one after another. Spawn every thread first and join them after: \
         joining inside the loop that spawns waits for each download before starting the next.",
    );
}

#[test]
fn exercise_1_1_threads_handle_no_urls() {
    assert!(download_all_threads(&[]).is_empty());
}

// The paused clock simulates the latencies: the check runs in no real time and cannot be
// upset by a busy machine, and a sequential answer's spans touch end to start.
#[tokio::test(start_paused = true)]
async fn exercise_1_2_async_downloads_together_and_keeps_order() {
    let exercise = "exercise 1.2 `download_all_async` (lessons/lesson-01/src/exercises.rs)";
    let recorder = Recorder::new();
    let pages = download_all_async(&urls(&recorder, Duration::from_secs(1))).await;
    expect_in_order(exercise, &pages);
    expect_at_once(
        exercise,
        &recorder.spans_labelled("download"),
        3,
        "The downloads ran one after another: awaiting each future in a loop waits for it to \
         finish before the next starts. Await them together, as asyncio.gather does.",
    );
}

#[tokio::test(start_paused = true)]
async fn exercise_1_2_async_handles_no_urls() {
    assert!(download_all_async(&[]).await.is_empty());
}
