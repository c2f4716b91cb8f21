//! Checks for lesson 08's exercises: `cargo test -p lesson-08`.
//!
//! Each check wants the right pages *and* the right shape of concurrency, read from the recorded
//! download spans: overlap for `gather`, never more than `limit` at once for
//! `fetch_all_limited`, three tasks overlapping on one thread for `fetch_page`. 8.1 and 8.2 run
//! on tokio's paused clock (the downloads are simulated and take no real time); 8.3 runs in
//! real time, because a blocking `std::thread::sleep` does not move tokio's paused clock.

use std::time::Duration;

use instruments::Recorder;
use instruments::check::{expect_at_once, within};
use instruments::summary::max_concurrent;
use instruments::timeline::draw;
use lesson_08::exercises::{fetch_all_limited, fetch_page, gather};
use lesson_08::{DOWNLOAD, Page, Url, current_thread_runtime};

const GATHER: &str = "exercise 8.1 `gather` (lessons/lesson-08/src/exercises.rs)";
const LIMITED: &str = "exercise 8.2 `fetch_all_limited` (lessons/lesson-08/src/exercises.rs)";
const BLOCKING: &str = "exercise 8.3 `fetch_page` (lessons/lesson-08/src/exercises.rs)";

/// Urls whose latencies (in seconds) are given; they finish in a different order than they
/// were asked for, so an answer that collects pages as they arrive is caught.
fn urls(recorder: &Recorder, seconds: &[u64]) -> Vec<Url> {
    seconds
        .iter()
        .enumerate()
        .map(|(index, &s)| Url::new(format!("page-{index}"), Duration::from_secs(s), recorder))
        .collect()
}

#[track_caller]
fn expect_in_order(exercise: &str, urls: &[Url], pages: &[Page]) {
    let want: Vec<&str> = urls.iter().map(Url::address).collect();
    let got: Vec<&str> = pages.iter().map(|page| page.url.as_str()).collect();
    assert_eq!(
        got, want,
        "\n{exercise}: the pages must come back in the order of the urls. `join_next` hands \
         results back in the order they finish: tag each with its index and put it in its slot.\n"
    );
}

#[tokio::test(start_paused = true)]
async fn exercise_8_1_gather_runs_every_download_at_once_in_order() {
    let recorder = Recorder::new();
    let urls = urls(&recorder, &[3, 1, 2, 1]);
    let pages = gather(urls.clone()).await;
    expect_in_order(GATHER, &urls, &pages);
    expect_at_once(
        GATHER,
        &recorder.spans_labelled(DOWNLOAD),
        4,
        "Spawn every download on the JoinSet first, then collect: awaiting each download \
         before spawning the next runs them one after another.",
    );
}

#[tokio::test(start_paused = true)]
async fn exercise_8_1_gather_handles_no_urls() {
    assert!(
        gather(Vec::new()).await.is_empty(),
        "\n{GATHER}: no urls, no pages.\n"
    );
}

#[tokio::test(start_paused = true)]
async fn exercise_8_2_never_more_than_limit_in_flight_and_exactly_limit_when_busy() {
    // (number of urls, limit): more urls than the limit, as many, and fewer.
    for (count, limit) in [(10, 3), (7, 1), (4, 4), (2, 5)] {
        let recorder = Recorder::new();
        let seconds: Vec<u64> = (0..count).map(|i| 1 + (i * 7 % 3)).collect();
        let urls = urls(&recorder, &seconds);
        let pages = fetch_all_limited(urls.clone(), limit as usize).await;
        expect_in_order(LIMITED, &urls, &pages);
        let spans = recorder.spans_labelled(DOWNLOAD);
        let most = max_concurrent(&spans);
        let want = limit.min(count) as usize;
        assert!(
            most <= want,
            "\n{LIMITED}: {count} urls with limit {limit}, but {most} downloads were in flight \
             at once:\n\n{}\nEach task must hold a semaphore permit for the whole download: \
             acquire it before `download_async` and keep it (`let _permit = ...`, not `let _ = \
             ...`, which drops it at once) until the download is done.\n",
            draw(&spans, 72)
        );
        assert_eq!(
            most,
            want,
            "\n{LIMITED}: {count} urls with limit {limit}: expected {want} downloads in flight \
             at once, but at most {most} were:\n\n{}\nStart every task at once and let the \
             semaphore hold them back; awaiting each download before starting the next uses \
             one slot.\n",
            draw(&spans, 72)
        );
    }
}

#[tokio::test(start_paused = true)]
async fn exercise_8_2_a_free_slot_is_used_at_once() {
    // Limit 2: a (3 s) and b (1 s) start; when b ends at 1 s, c starts; at 2 s, d. All done
    // at 3 s. Batches of two ([a, b] then [c, d]) would leave a slot idle and end at 4 s.
    let recorder = Recorder::new();
    let urls = urls(&recorder, &[3, 1, 1, 1]);
    let started = tokio::time::Instant::now();
    let pages = fetch_all_limited(urls.clone(), 2).await;
    let took = started.elapsed();
    expect_in_order(LIMITED, &urls, &pages);
    let spans = recorder.spans_labelled(DOWNLOAD);
    assert!(
        took <= Duration::from_secs(3),
        "\n{LIMITED}: downloads of 3, 1, 1, 1 s with limit 2 should take 3 s (simulated), took \
         {took:?}:\n\n{}\nWhen one download finishes, the next should start right away: \
         batches of `limit` wait for their slowest member. Use a Semaphore.\n",
        draw(&spans, 72)
    );
}

#[test]
fn exercise_8_3_three_tasks_on_one_thread_overlap() {
    within(BLOCKING, Duration::from_secs(60), || {
        let recorder = Recorder::new();
        // Real time, generous: each wait is 500 ms; the three tasks start within microseconds
        // of each other when nothing blocks, so they overlap whatever the machine is doing.
        let urls: Vec<Url> = ["a.csv", "b.csv", "c.csv"]
            .into_iter()
            .map(|file| Url::new(file, Duration::from_millis(500), &recorder))
            .collect();
        let runtime = current_thread_runtime();
        let pages = runtime.block_on(async {
            let tasks: Vec<_> = urls
                .iter()
                .cloned()
                .map(|url| {
                    let recorder = recorder.clone();
                    tokio::spawn(async move {
                        let _span = recorder.span(url.address(), "fetch");
                        fetch_page(&url).await
                    })
                })
                .collect();
            let mut pages = Vec::new();
            for task in tasks {
                pages.push(task.await.expect("fetch_page panicked"));
            }
            pages
        });
        expect_in_order(BLOCKING, &urls, &pages);
        let spans = recorder.spans_labelled("fetch");
        expect_at_once(
            BLOCKING,
            &spans,
            3,
            "Three tasks on one thread ran one after another: something in `fetch_page` waits \
             without `.await`, holding the runtime's only thread. Replace it with a wait that \
             yields (`tokio::time::sleep(..).await`), and keep the wait: it is the network.",
        );
        let shortest = spans.iter().map(|span| span.duration()).min();
        assert!(
            shortest >= Some(Duration::from_millis(450)),
            "\n{BLOCKING}: every fetch should still wait for its latency (500 ms); the \
             shortest took {shortest:?}. Fix the wait, do not remove it.\n"
        );
    });
}
