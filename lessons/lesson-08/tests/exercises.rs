//! Checks for lesson 08's exercises: `cargo test -p lesson-08`.
//!
//! Each check wants the right pages *and* the right shape of concurrency, read from the recorded
//! spans: every download at once for `gather`, never more than `limit` and exactly `limit` when
//! busy for `fetch_all_limited`, three fetches overlapping on one thread for `fetch_page`. All
//! run on tokio's paused clock (the waits are simulated and take no real time) inside
//! `instruments::blocking::run`, which watches in real time that no task blocks the runtime's
//! thread (a blocking wait does not move the paused clock, so spans alone would not tell), and
//! gives a hung answer its verdict in seconds.

use std::time::Duration;

use instruments::blocking::{self, Clock};
use instruments::check::expect_at_once;
use instruments::downloads::expect_async_waits;
use instruments::summary::max_concurrent;
use instruments::timeline::draw;
use instruments::{Recorder, Span};
use lesson_08::exercises::{fetch_all_limited, fetch_page, gather};
use lesson_08::{DOWNLOAD, Page, Url};

const GATHER: &str = "exercise 8.1 `gather` (lessons/lesson-08/src/exercises/gather.rs)";
const LIMITED: &str =
    "exercise 8.2 `fetch_all_limited` (lessons/lesson-08/src/exercises/fetch_all_limited.rs)";
const BLOCKING: &str = "exercise 8.3 `fetch_page` (lessons/lesson-08/src/exercises/fetch_page.rs)";

/// The longest a check may take before a hung answer is judged (the blocking watcher judges a
/// blocked thread sooner).
const LIMIT: Duration = Duration::from_secs(3);

/// Urls with the given latencies (in milliseconds; simulated, so long ones cost nothing), named
/// out of alphabetical order (`page-q`, `page-c`, ...), so that pages collected as they finish,
/// or sorted, are caught. A blocking answer blocks for 300 ms or more per url: each block alone
/// is over the watcher's line.
fn urls(recorder: &Recorder, millis: &[u64]) -> Vec<Url> {
    const NAMES: &[u8] = b"qcxhmatkzbewr";
    millis
        .iter()
        .enumerate()
        .map(|(index, &ms)| {
            let name = char::from(NAMES[index % NAMES.len()]);
            let address = format!("page-{name}{}", index / NAMES.len());
            Url::new(address, Duration::from_millis(ms), recorder)
        })
        .collect()
}

#[track_caller]
fn expect_in_order(exercise: &str, urls: &[Url], pages: &[Page]) {
    let want: Vec<&str> = urls.iter().map(Url::address).collect();
    let got: Vec<&str> = pages.iter().map(|page| page.url.as_str()).collect();
    assert_eq!(
        got.len(),
        want.len(),
        "\n{exercise}: {} urls, but {} pages came back: {got:?}. Every task's page is needed: \
         await every task you spawn (`join_next` until it returns `None`) before returning.\n",
        want.len(),
        got.len(),
    );
    assert_eq!(
        got, want,
        "\n{exercise}: the pages must come back in the order of the urls ({want:?}); got \
         {got:?}. `join_next` hands results back in the order they finish: tag each with its \
         index and put it in its slot (do not sort them by address).\n"
    );
}

#[test]
fn exercise_8_1_gather_runs_every_download_at_once_in_order() {
    let (urls, pages, spans) = blocking::run(GATHER, LIMIT, Clock::Paused, || async {
        let recorder = Recorder::new();
        let urls = urls(&recorder, &[900, 300, 700, 400, 300, 600]);
        let pages = gather(urls.clone()).await;
        (urls, pages, recorder.spans_labelled(DOWNLOAD))
    });
    expect_in_order(GATHER, &urls, &pages);
    expect_async_waits(GATHER, &spans, "download_async(&url).await");
    expect_at_once(
        GATHER,
        &spans,
        urls.len(),
        "Spawn every download on the JoinSet first, then collect: awaiting each task (or \
         `join_next`) before spawning the next runs them one after another, and spawning a \
         few at a time leaves the rest waiting.",
    );
}

#[test]
fn exercise_8_1_gather_handles_no_urls() {
    let pages = blocking::run(GATHER, LIMIT, Clock::Paused, || gather(Vec::new()));
    assert!(pages.is_empty(), "\n{GATHER}: no urls, no pages.\n");
}

/// Runs `fetch_all_limited` on `count` urls of 300, 600 or 900 ms with `limit`.
fn limited(count: usize, limit: usize) -> (Vec<Url>, Vec<Page>, Vec<Span>, Duration) {
    blocking::run(LIMITED, LIMIT, Clock::Paused, move || async move {
        let recorder = Recorder::new();
        let millis: Vec<u64> = (0..count as u64).map(|i| 300 * (1 + i * 7 % 3)).collect();
        let urls = urls(&recorder, &millis);
        let started = tokio::time::Instant::now();
        let pages = fetch_all_limited(urls.clone(), limit).await;
        (
            urls,
            pages,
            recorder.spans_labelled(DOWNLOAD),
            started.elapsed(),
        )
    })
}

#[test]
fn exercise_8_2_never_more_than_limit_in_flight_and_exactly_limit_when_busy() {
    // (number of urls, limit): more urls than the limit, as many, and fewer; limits other
    // than 3 catch a hard-coded one.
    for (count, limit) in [(10, 3), (7, 1), (8, 2), (4, 4), (2, 5)] {
        let (urls, pages, spans, _) = limited(count, limit);
        expect_in_order(LIMITED, &urls, &pages);
        expect_async_waits(LIMITED, &spans, "download_async(&url).await");
        let most = max_concurrent(&spans);
        let want = limit.min(count);
        assert!(
            most <= want,
            "\n{LIMITED}: {count} urls with limit {limit}, but {most} downloads were in flight \
             at once:\n\n{}\nUse the `limit` you are given, and make each task hold a semaphore \
             permit for the whole download: acquire it inside the task, before \
             `download_async`, and keep it (`let _permit = ...`, not `let _ = ...`, which drops \
             it at once) until the download is done. A permit taken in the spawning loop is \
             dropped at the end of the loop's body, before the download has even started.\n",
            draw(&spans, 72)
        );
        assert_eq!(
            most,
            want,
            "\n{LIMITED}: {count} urls with limit {limit}: expected {want} downloads in flight \
             at once, but at most {most} were:\n\n{}\nUse the `limit` you are given (a \
             Semaphore of exactly `limit` permits), start every task at once, and let the \
             semaphore hold them back; awaiting each download before starting the next uses \
             one slot.\n",
            draw(&spans, 72)
        );
    }
}

#[test]
fn exercise_8_2_a_free_slot_is_used_at_once() {
    // Limit 2, downloads of 900, 300, 300, 300 ms: a and b start; when b ends at 300 ms, c
    // starts; at 600 ms, d; all done at 900 ms. Batches of two ([a, b] then [c, d]) leave a
    // slot idle and end at 1200 ms.
    let (urls, pages, spans, took) = blocking::run(LIMITED, LIMIT, Clock::Paused, || async {
        let recorder = Recorder::new();
        let urls = urls(&recorder, &[900, 300, 300, 300]);
        let started = tokio::time::Instant::now();
        let pages = fetch_all_limited(urls.clone(), 2).await;
        (
            urls,
            pages,
            recorder.spans_labelled(DOWNLOAD),
            started.elapsed(),
        )
    });
    expect_in_order(LIMITED, &urls, &pages);
    assert!(
        took < Duration::from_millis(1000),
        "\n{LIMITED}: downloads of 900, 300, 300, 300 ms with limit 2 should take 900 ms \
         (simulated), took {took:?}:\n\n{}\nWhen one download finishes, the next should start \
         right away: batches of `limit` wait for their slowest member. Use a Semaphore.\n",
        draw(&spans, 72)
    );
}

#[test]
fn exercise_8_3_three_fetches_on_one_thread_overlap_without_blocking() {
    // Latencies of 400, 700 and 500 ms (simulated): each fetch must take its own url's
    // latency, and the three, as tasks on one thread, must overlap.
    let latencies = [400, 700, 500];
    let (urls, pages, spans) = blocking::run(BLOCKING, LIMIT, Clock::Paused, move || async move {
        let recorder = Recorder::new();
        let urls = urls(&recorder, &latencies);
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
        (urls, pages, recorder.spans_labelled("fetch"))
    });
    expect_in_order(BLOCKING, &urls, &pages);
    for url in &urls {
        let want = url.latency();
        let took = spans
            .iter()
            .find(|span| span.task == url.address())
            .map(Span::duration)
            .unwrap_or_default();
        assert!(
            took >= want && took <= want + Duration::from_millis(5),
            "\n{BLOCKING}: fetching {} should wait its url's latency, {want:?}, on tokio's \
             clock; it took {took:?}. {}\n",
            url.address(),
            if took < want {
                "The wait is gone: a future does nothing until it is awaited, so \
                 `tokio::time::sleep(d)` without `.await` waits for nothing (and a wait the \
                 runtime's timers do not see, such as a sleep in `spawn_blocking`, takes no \
                 time on its clock). Keep the wait, and await it: \
                 `tokio::time::sleep(url.latency()).await`."
            } else {
                "Wait for `url.latency()`, not a fixed time: each url has its own."
            },
        );
    }
    expect_at_once(
        BLOCKING,
        &spans,
        3,
        "Three fetches as tasks on one thread should wait at the same time. Wait with \
         `tokio::time::sleep(url.latency()).await` inside `fetch_page` itself.",
    );
}
