//! What the demonstration measures, and how it reads it: one run of each design with a
//! heartbeat beside it, the stages' lengths (the ideal), how busy the cores were, how many
//! pages waited at once, and the verdicts, computed from these typed values.

use std::sync::Arc;
use std::time::Duration;

use instruments::compare::{Compared, Outcome};
use instruments::python::{self, PythonError};
use instruments::site::Server;
use instruments::summary::ratio;
use instruments::timeline::format_duration;
use instruments::{Lesson, Measurement};
use instruments::{Recorder, Span};
use serde_json::Value;

use crate::{ANALYSE, Analyser, Beats, DOWNLOAD, Fetch, Figures, Flow, Heartbeat, Url};
use crate::{streaming, streaming_on_the_runtime, two_stages};

/// The sizes of a run.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    /// How many pages.
    pub pages: usize,
    /// Each page's latency on the server.
    pub latency: Duration,
    /// Each page's size.
    pub bytes: usize,
    /// Downloads at once.
    pub limit: usize,
    /// The channel's capacity, in pages.
    pub capacity: usize,
    /// How long one analysis computes (calibrated on this machine).
    pub analysis: Duration,
    /// The heartbeat's period.
    pub beat: Duration,
    /// Runs of each design (the median is kept).
    pub repeats: usize,
}

impl Sizes {
    /// The full sizes, or small ones for `--quick`. The two stages are about as long as each
    /// other on two cores, where overlapping them gains the most.
    pub fn new(quick: bool) -> Sizes {
        let ms = Duration::from_millis;
        match quick {
            false => Sizes {
                pages: 24,
                latency: ms(80),
                bytes: 4_000,
                limit: 4,
                capacity: 4,
                analysis: ms(40),
                beat: ms(5),
                repeats: 3,
            },
            true => Sizes {
                pages: 8,
                latency: ms(10),
                bytes: 1_000,
                limit: 4,
                capacity: 2,
                analysis: ms(5),
                beat: ms(2),
                repeats: 1,
            },
        }
    }
}

// ANCHOR: site_urls
/// The pages: `/data/ID` on the lesson's server (`bytes` bytes of words, each after `latency`),
/// fetched with one shared `reqwest::Client` (clones share its pool of kept-alive connections).
pub fn site_urls(
    server: &Server,
    client: &reqwest::Client,
    sizes: &Sizes,
    flow: &Flow,
) -> Vec<Url> {
    let client = client.clone();
    let fetch: Fetch = Arc::new(move |address: String| {
        let client = client.clone();
        Box::pin(async move {
            let response = client.get(&address).send().await;
            match response {
                Ok(response) => response.text().await.unwrap_or_default(),
                Err(error) => format!("error: {error}"), // an analysis still counts its words
            }
        })
    });
    (0..sizes.pages)
        .map(|id| {
            let address = server.data_url(id, sizes.latency, sizes.bytes);
            Url::new(address, fetch.clone(), flow)
        })
        .collect()
}
// ANCHOR_END: site_urls

/// The tutorials' two stages in Python (`python/two_stages.py`: a `ThreadPoolExecutor` of
/// `limit`, then a `ProcessPoolExecutor`), against the same server, its analyses calibrated to
/// take as long in Python as here: a table row, or a line saying why it did not run.
pub fn python_two_stages(
    lesson: &mut Lesson,
    server: &Server,
    s: &Sizes,
    ideal: Duration,
) -> Option<Duration> {
    let ms = |d: Duration| d.as_millis().to_string();
    let (pages, bytes, limit) = (
        s.pages.to_string(),
        s.bytes.to_string(),
        s.limit.to_string(),
    );
    let args = [
        server.base(),
        pages,
        ms(s.latency),
        bytes,
        limit,
        ms(s.analysis),
    ];
    let script = python::script(env!("CARGO_MANIFEST_DIR"), "two_stages.py");
    let report = python::run(&script, &args, Duration::from_secs(60));
    let time = report.and_then(|report| {
        python::seconds(&report, "seconds").ok_or(PythonError::Failed("no seconds".to_owned()))
    });
    match time {
        Ok(time) => {
            let row = Measurement::new("Python, two stages", time).key("python_two_stages");
            lesson.measure(row.with("ratio_to_ideal", ratio(time, ideal)));
            Some(time)
        }
        Err(error) => {
            lesson.say(format!(
                "Python's two stages did not run ({error}): Rust's only."
            ));
            None
        }
    }
}

/// The three ways the lesson runs the same work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Design {
    /// Every download, then every analysis.
    TwoStages,
    /// Downloads feed analyses on rayon through a bounded channel.
    Streaming,
    /// The same, with the analyses on the runtime's thread by mistake.
    OnTheRuntime,
}

/// What one run of a design gave.
#[derive(Debug, Clone, Copy)]
pub struct Run {
    /// How many reports came back.
    pub reports: usize,
    /// What the flow counted.
    pub figures: Figures,
    /// What the heartbeat saw.
    pub beats: Beats,
}

/// Runs `design` once on `runtime`, over the urls `source` builds, with a heartbeat beside it.
pub fn run(
    runtime: &tokio::runtime::Runtime,
    design: Design,
    sizes: &Sizes,
    terms: u64,
    source: &dyn Fn(&Flow) -> Vec<Url>,
    recorder: &Recorder,
) -> Run {
    let flow = Flow::new(recorder);
    let (urls, analyser) = (source(&flow), Analyser::new(terms, &flow));
    let (limit, capacity) = (sizes.limit, sizes.capacity);
    runtime.block_on(async {
        let heartbeat = Heartbeat::start(recorder, sizes.beat);
        let reports = match design {
            Design::TwoStages => two_stages(urls, limit, analyser).await,
            Design::Streaming => streaming(urls, limit, capacity, analyser).await,
            Design::OnTheRuntime => streaming_on_the_runtime(urls, limit, capacity, analyser).await,
        };
        Run {
            reports: reports.len(),
            figures: flow.figures(),
            beats: heartbeat.stop(),
        }
    })
}

/// From the first span with `label` to the last one's end.
pub fn stage(spans: &[Span], label: &str) -> Duration {
    let stage: Vec<&Span> = spans.iter().filter(|s| s.label == label).collect();
    let start = stage.iter().map(|s| s.start).min().unwrap_or_default();
    let end = stage.iter().map(|s| s.end).max().unwrap_or_default();
    end.saturating_sub(start)
}

/// The ideal time of a pipeline: its longer stage alone (measured in the two stages' run,
/// where each stage ran by itself). Overlapping them can hide the shorter one, not more.
pub fn ideal(two_stages: &[Span]) -> Duration {
    stage(two_stages, DOWNLOAD).max(stage(two_stages, ANALYSE))
}

/// How busy the cores were over a run: analysing time over the run's time on every core.
pub fn cores_busy_percent(spans: &[Span], elapsed: Duration, cores: usize) -> f64 {
    let busy: Duration = spans
        .iter()
        .filter(|s| s.label == ANALYSE)
        .map(Span::duration)
        .sum();
    100.0 * ratio(busy, elapsed * u32::try_from(cores).unwrap_or(1))
}

/// The table's figures for one run (and the JSON's, under each measurement).
pub fn columns(outcome: &Outcome<Run>, cores: usize) -> Vec<(&'static str, Value)> {
    let run = &outcome.value;
    let busy = cores_busy_percent(&outcome.spans, outcome.elapsed, cores);
    let first = run.figures.downloaded_at_first_analysis.unwrap_or(0);
    vec![
        ("cores_busy_percent", (busy.round() as u64).into()),
        ("most_pages_waiting", run.figures.peak_waiting.into()),
        ("downloaded_before_first_analysis", first.into()),
        ("heartbeat_worst_ms", late_ms(run.beats.worst).into()),
    ]
}

/// The derived figures (`--json`) and the verdicts, in words, from the typed outcomes.
pub fn conclude(
    lesson: &mut Lesson,
    compared: &Compared<Run>,
    sizes: &Sizes,
    ideal: Duration,
    python: Option<Duration>,
) {
    let cores = lesson.cores();
    let speedup = compared.speedup("two_stages", "streaming");
    let [two, stream, wrong] =
        ["two_stages", "streaming", "on_the_runtime"].map(|k| compared.get(k));
    let spans = &two.spans;
    lesson.derive("pages", sizes.pages);
    lesson.derive("queue_capacity", sizes.capacity);
    lesson.derive(
        "download_stage_seconds",
        stage(spans, DOWNLOAD).as_secs_f64(),
    );
    lesson.derive(
        "analysis_stage_seconds",
        stage(spans, ANALYSE).as_secs_f64(),
    );
    lesson.derive("streaming_speedup", speedup);
    for outcome in [two, stream, wrong] {
        let ratio = ratio(outcome.elapsed, ideal);
        lesson.derive(&format!("{}_ratio_to_ideal", outcome.key), ratio);
        for (figure, value) in columns(outcome, cores) {
            lesson.derive(&format!("{}_{figure}", outcome.key), value);
        }
    }
    let (busy, late) = (
        |o: &Outcome<Run>| cores_busy_percent(&o.spans, o.elapsed, cores),
        |o: &Outcome<Run>| o.value.beats.worst,
    );
    let lateness = ratio(late(wrong), late(stream));
    lesson.derive("heartbeat_lateness_ratio", lateness);
    let pages = sizes.pages;
    let time = |o: &Outcome<Run>| format_duration(o.elapsed);
    lesson.say(format!(
        "Streaming: {} against {} for the two stages, {speedup:.2}x faster; the ideal \
         (the longer stage alone) is {}: streaming took {:.2}x it.",
        time(stream),
        time(two),
        format_duration(ideal),
        ratio(stream.elapsed, ideal),
    ));
    for (outcome, what) in [(two, "Two stages"), (stream, "Streaming")] {
        let figures = &outcome.value.figures;
        lesson.say(format!(
            "{what}: {}, cores busy {:.0}% of the run; {}.",
            overlap_verdict(figures, pages),
            busy(outcome),
            memory_verdict(figures, pages, sizes.capacity),
        ));
    }
    if let Some(python) = python {
        lesson.say(format!(
            "Python, the same two stages (threads, then processes): {}, {:.2}x the ideal.",
            format_duration(python),
            ratio(python, ideal),
        ));
    }
    lesson.say(format!(
        "Heartbeat (due every {}): at worst {} ms late with the analyses on rayon, {} ms late \
         with them on the runtime's thread ({lateness:.0}x).",
        format_duration(sizes.beat),
        late_ms(late(stream)),
        late_ms(late(wrong)),
    ));
}

/// A lateness in whole milliseconds, rounded (as the verdicts print it).
pub fn late_ms(late: Duration) -> u64 {
    (late.as_secs_f64() * 1000.0).round() as u64
}

/// The spans as the timelines show them: one row for the downloads, one per thread that
/// analysed, one for the heartbeat's late beats.
pub fn rows(spans: &[Span]) -> Vec<Span> {
    spans
        .iter()
        .cloned()
        .map(|mut span| {
            span.task = match span.label.as_str() {
                DOWNLOAD => String::from("downloads (tokio)"),
                ANALYSE => format!("analyses on {}", span.thread_name),
                _ => String::from("heartbeat, late"),
            };
            span
        })
        .collect()
}

/// What the first analysis's start says about a design.
pub fn overlap_verdict(figures: &Figures, pages: usize) -> String {
    match figures.downloaded_at_first_analysis {
        Some(n) if n >= pages => format!("the cores waited for all {pages} downloads"),
        Some(n) => format!("the cores started after {n} of {pages} downloads"),
        None => String::from("nothing was analysed"),
    }
}

/// What the most pages waiting at once says, against the channel's capacity.
pub fn memory_verdict(figures: &Figures, pages: usize, capacity: usize) -> String {
    let most = figures.peak_waiting;
    if most >= pages {
        format!("every page ({most}) was in memory at once")
    } else if most <= capacity + 1 + figures.peak_running {
        format!("at most {most} pages waited (channel of {capacity}: bounded)")
    } else {
        format!("{most} pages waited, more than the channel's {capacity}")
    }
}
