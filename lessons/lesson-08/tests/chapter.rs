//! Facts about the chapter's own code (these pass as shipped), on tokio's paused clock where
//! time is simulated: cancellation by dropping, timeouts, the queue, the two mutexes, and
//! `spawn_blocking` leaving the runtime's thread free.

use std::time::Duration;

use instruments::Recorder;
use instruments::summary::max_concurrent;
use lesson_08::*;

fn url(recorder: &Recorder, address: &str, millis: u64) -> Url {
    Url::new(address, Duration::from_millis(millis), recorder)
}

#[tokio::test(start_paused = true)]
async fn futures_do_nothing_until_awaited() {
    let recorder = Recorder::new();
    let a = url(&recorder, "a.csv", 100);
    let future = download_async(&a);
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(
        recorder.spans().is_empty(),
        "built, never polled: no download ran"
    );
    drop(future);
    assert!(
        recorder.spans().is_empty(),
        "dropped unpolled: still nothing"
    );
}

#[tokio::test(start_paused = true)]
async fn select_keeps_the_fastest_and_cancels_the_other_when_it_wins() {
    let recorder = Recorder::new();
    let (slow, fast) = (
        url(&recorder, "primary", 300),
        url(&recorder, "mirror", 100),
    );
    let page = fastest_mirror(&slow, &fast).await;
    assert_eq!(page.url, "mirror");
    let spans = recorder.spans_labelled(DOWNLOAD);
    // The losing download was dropped when the mirror answered: its span ends at 100 ms too.
    assert_eq!(spans.len(), 2);
    assert!(
        spans.iter().all(|s| s.end == Duration::from_millis(100)),
        "{spans:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn timeout_cancels_a_slow_download() {
    let recorder = Recorder::new();
    let slow = url(&recorder, "slow.csv", 5_000);
    assert_eq!(
        download_within(&slow, Duration::from_millis(250)).await,
        None
    );
    let spans = recorder.spans_labelled(DOWNLOAD);
    assert_eq!(
        spans[0].end,
        Duration::from_millis(250),
        "cancelled at the deadline"
    );
    let quick = url(&recorder, "quick.csv", 100);
    assert!(
        download_within(&quick, Duration::from_millis(250))
            .await
            .is_some()
    );
}

#[tokio::test(start_paused = true)]
async fn the_queue_delivers_every_page_in_finishing_order() {
    let recorder = Recorder::new();
    let urls = vec![
        url(&recorder, "a", 300),
        url(&recorder, "b", 100),
        url(&recorder, "c", 200),
    ];
    let pages = download_into_queue(urls, 1).await;
    let order: Vec<&str> = pages.iter().map(|p| p.url.as_str()).collect();
    assert_eq!(order, ["b", "c", "a"]);
    assert_eq!(max_concurrent(&recorder.spans_labelled(DOWNLOAD)), 3);
}

#[tokio::test(start_paused = true)]
async fn a_tokio_mutex_held_across_await_makes_downloads_take_turns() {
    let recorder = Recorder::new();
    let urls: Vec<Url> = (0..4)
        .map(|i| url(&recorder, &format!("p{i}"), 100))
        .collect();
    let (pages, requests) = download_shared(urls.clone(), true).await;
    assert_eq!((pages.len(), requests), (4, 4));
    assert_eq!(max_concurrent(&recorder.spans_labelled(DOWNLOAD)), 1);

    let recorder = Recorder::new();
    let urls: Vec<Url> = (0..4)
        .map(|i| url(&recorder, &format!("p{i}"), 100))
        .collect();
    let (pages, requests) = download_shared(urls, false).await;
    assert_eq!((pages.len(), requests), (4, 0));
    assert_eq!(max_concurrent(&recorder.spans_labelled(DOWNLOAD)), 4);
}

#[test]
fn blocking_sleep_serialises_tasks_on_one_thread() {
    let runtime = current_thread_runtime();
    for (blocking, most) in [(true, 1), (false, 3)] {
        let recorder = Recorder::new();
        let urls: Vec<Url> = ["a", "b", "c"]
            .iter()
            .map(|f| url(&recorder, f, 200))
            .collect();
        let pages = runtime.block_on(spawn_all(urls, blocking));
        assert_eq!(pages.len(), 3);
        assert_eq!(
            max_concurrent(&recorder.spans_labelled(DOWNLOAD)),
            most,
            "blocking: {blocking}"
        );
    }
}

#[test]
fn two_tasks_take_turns_on_one_thread() {
    let recorder = Recorder::new();
    let sums = current_thread_runtime().block_on(two_tasks_taking_turns(&recorder, 4, 10_000));
    assert_eq!(sums[0], sums[1]);
    let polls = recorder.spans();
    // Four slices and a last poll each; never two polls at once; strictly A, B, A, B, ...
    assert_eq!(polls.len(), 10);
    assert_eq!(max_concurrent(&polls), 1);
    let order: Vec<&str> = polls.iter().map(|p| p.task.as_str()).collect();
    assert_eq!(order, ["Task A", "Task B"].repeat(5), "{polls:?}");
}

#[test]
fn spawn_blocking_runs_off_the_runtime_thread() {
    let recorder = Recorder::new();
    let runtime = current_thread_runtime();
    let page = url(&recorder, "a", 1).page();
    let sum = runtime.block_on(checksum(&recorder, &page, 1_000));
    assert_eq!(sum, instruments::work::sum_of_squares(1_000));
    let span = &recorder.spans_labelled("checksum")[0];
    assert_ne!(
        span.thread_name,
        std::thread::current().name().unwrap_or("").to_owned()
    );
}

#[test]
fn tasks_and_threads_at_small_scale_all_start_and_finish() {
    let tasks = scale::sleeping_tasks(200, Duration::from_millis(10));
    let threads = scale::sleeping_threads(20, Duration::from_millis(10));
    assert_eq!((tasks.started, threads.started), (200, 20));
    assert!(tasks.elapsed >= Duration::from_millis(10));
    assert!(threads.elapsed >= Duration::from_millis(10));
}
