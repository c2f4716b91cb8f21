//! Facts about the chapter's own code (these pass as shipped), on the real clock with short
//! simulated downloads: tokio's paused clock does not move while a `spawn_blocking` task runs,
//! and the streaming pipeline's blocking thread waits for the downloads.

use std::time::Duration;

use instruments::Recorder;
use lesson_11::measure::{cores_busy_percent, ideal, stage};
use lesson_11::*;

fn urls(flow: &Flow, millis: &[u64]) -> Vec<Url> {
    millis
        .iter()
        .enumerate()
        .map(|(i, &ms)| Url::simulated(format!("page-{i}"), Duration::from_millis(ms), flow))
        .collect()
}

const MILLIS: [u64; 8] = [20, 2, 15, 4, 10, 6, 8, 3];

#[test]
fn two_stages_analyse_nothing_before_every_page_is_downloaded() {
    let flow = Flow::new(&Recorder::new());
    let reports = current_thread_runtime().block_on(two_stages(
        urls(&flow, &MILLIS),
        3,
        Analyser::new(1_000, &flow),
    ));
    let addresses: Vec<String> = (0..8).map(|i| format!("page-{i}")).collect();
    let order: Vec<&str> = reports.iter().map(|r| r.url.as_str()).collect();
    assert_eq!(order, addresses, "rayon's collect keeps the order");
    let figures = flow.figures();
    assert_eq!(figures.downloaded_at_first_analysis, Some(8));
    assert_eq!(figures.peak_waiting, 8, "every page in memory at once");
}

#[test]
fn streaming_analyses_early_and_keeps_the_queue_within_the_channel() {
    let flow = Flow::new(&Recorder::new());
    let reports = current_thread_runtime().block_on(streaming(
        urls(&flow, &MILLIS),
        3,
        2,
        Analyser::new(1_000, &flow),
    ));
    assert_eq!(reports.len(), 8);
    let figures = flow.figures();
    assert!(
        figures.downloaded_at_first_analysis < Some(8),
        "{figures:?}"
    );
    // The channel's 2, one page being sent, one in each analysing worker's hands.
    assert!(
        figures.peak_waiting <= 2 + 1 + figures.peak_running,
        "{figures:?}"
    );
    assert!(figures.peak_running <= instruments::cores(), "{figures:?}");
}

#[test]
fn analyses_on_the_runtime_make_its_heartbeat_late_by_at_least_one_analysis() {
    let recorder = Recorder::new();
    let flow = Flow::new(&recorder);
    let terms = instruments::work::calibrate(Duration::from_millis(20));
    let runtime = current_thread_runtime();
    let beats = runtime.block_on(async {
        let heartbeat = Heartbeat::start(&recorder, Duration::from_millis(2));
        let urls = urls(&flow, &MILLIS);
        streaming_on_the_runtime(urls, 3, 2, Analyser::new(terms, &flow)).await;
        heartbeat.stop()
    });
    let main = std::thread::current().name().unwrap_or_default().to_owned();
    let analyses = recorder.spans_labelled(ANALYSE);
    assert!(
        analyses.iter().all(|s| s.thread_name == main),
        "{analyses:?}"
    );
    // An analysis of about 20 ms (calibrated; longer on a busy machine, never shorter by
    // much) kept the heartbeat from running: it was late by most of one, at least.
    assert!(beats.worst >= Duration::from_millis(10), "{beats:?}");
    assert!(!recorder.spans_labelled("late").is_empty());
}

#[test]
fn the_ideal_is_the_longer_stage_and_busy_cores_are_counted_from_the_analyses() {
    let recorder = Recorder::new();
    let flow = Flow::new(&recorder);
    current_thread_runtime().block_on(two_stages(
        urls(&flow, &[30, 30]),
        2,
        Analyser::new(1_000, &flow),
    ));
    let spans = recorder.spans();
    assert!(stage(&spans, DOWNLOAD) >= Duration::from_millis(30));
    assert_eq!(
        ideal(&spans),
        stage(&spans, DOWNLOAD).max(stage(&spans, ANALYSE))
    );
    let busy = cores_busy_percent(&spans, Duration::from_secs(1), 2);
    assert!(
        (0.0..50.0).contains(&busy),
        "two tiny analyses in 1 s on 2 cores: {busy}"
    );
}
