//! The same timelines as files: SVG for the book, Chrome trace-event JSON for Perfetto
//! (<https://ui.perfetto.dev>, "Open trace file") or `chrome://tracing`.

use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::{Value, json};
use svg::Document;
use svg::node::element::{Group, Line, Rectangle, TSpan, Text, Title};

use crate::record::Span;
use crate::timeline::{format_duration, rows};

/// A titled set of spans: one run of one variant ("threads", "sequential", ...).
#[derive(Debug, Clone)]
pub struct Timeline {
    /// What was run, shown above the chart.
    pub title: String,
    /// What was recorded.
    pub spans: Vec<Span>,
}

const WIDTH: f64 = 760.0;
const NAME_WIDTH: f64 = 150.0;
const ROW: f64 = 22.0;
const BAR: f64 = 14.0;
const TITLE: f64 = 26.0;
const AXIS: f64 = 26.0;
const BUSY: &str = "#3b6ea8";
const WAIT: &str = "#d9dee5";

/// Runs whose lengths differ more than this many times do not share a time axis: the short
/// one would be a few pixels wide beside the long one.
const SHARED_AXIS_SPREAD: f64 = 10.0;

/// Draws the timelines one under the other. Busy spans are solid; a task's waits (between its
/// first start and its last end) are pale. Hovering a span shows its label, thread and times.
///
/// Runs of comparable length share one time axis, so their lengths can be compared directly.
/// When the longest run is more than ten times the shortest, each run gets an axis of its own,
/// under it, and its title says so.
pub fn svg(timelines: &[Timeline]) -> String {
    let length = |t: &Timeline| t.spans.iter().map(|s| s.end).max().unwrap_or_default();
    let lengths: Vec<Duration> = timelines.iter().map(length).collect();
    let longest = lengths.iter().copied().max().unwrap_or_default();
    let shortest = lengths.iter().copied().min().unwrap_or_default();
    let shared = shortest.as_secs_f64() * SHARED_AXIS_SPREAD >= longest.as_secs_f64();

    let mut document = Document::new()
        .set("font-family", "sans-serif")
        .set("font-size", 12);
    let mut y = 8.0;
    for (timeline, &own) in timelines.iter().zip(&lengths) {
        let until = if shared { longest } else { own }.max(Duration::from_micros(1));
        let scale = (WIDTH - NAME_WIDTH - 20.0) / until.as_secs_f64();
        let x = |at: Duration| NAME_WIDTH + at.as_secs_f64() * scale;
        y += TITLE;
        let mut title = Text::new(timeline.title.clone())
            .set("x", 4)
            .set("y", y - 8.0)
            .set("font-weight", "bold");
        if !shared {
            title = title.add(
                TSpan::new(format!("{} (its own time axis)", format_duration(own)))
                    .set("dx", 8)
                    .set("font-weight", "normal")
                    .set("fill", "#666"),
            );
        }
        document = document.add(title);
        for (task, row) in rows(&timeline.spans) {
            let first = row.iter().map(|s| s.start).min().unwrap_or_default();
            let last = row.iter().map(|s| s.end).max().unwrap_or_default();
            let mut group = Group::new()
                .add(Text::new(task.clone()).set("x", 4).set("y", y + BAR - 3.0))
                .add(
                    Rectangle::new()
                        .set("x", x(first))
                        .set("y", y)
                        .set("width", (x(last) - x(first)).max(0.5))
                        .set("height", BAR)
                        .set("fill", WAIT),
                );
            for span in row {
                group = group.add(
                    Rectangle::new()
                        .set("x", x(span.start))
                        .set("y", y)
                        .set("width", (x(span.end) - x(span.start)).max(0.5))
                        .set("height", BAR)
                        .set("fill", BUSY)
                        .add(Title::new(format!(
                            "{task}: {} on {} from {} to {}",
                            span.label,
                            span.thread_name,
                            format_duration(span.start),
                            format_duration(span.end)
                        ))),
                );
            }
            document = document.add(group);
            y += ROW;
        }
        if !shared {
            (document, y) = time_axis(document, y + 6.0, until, x);
        }
    }
    if shared {
        let until = longest.max(Duration::from_micros(1));
        let scale = (WIDTH - NAME_WIDTH - 20.0) / until.as_secs_f64();
        (document, y) = time_axis(document, y + 6.0, until, |at| {
            NAME_WIDTH + at.as_secs_f64() * scale
        });
    }
    let height = y + 8.0;
    document = document
        .set("viewBox", (0, 0, WIDTH, height))
        .set("width", WIDTH)
        .set("height", height);
    for_markdown(&document.to_string())
}

/// An SVG picture without blank lines, so that it can be placed inline in a markdown page (a
/// blank line would end the HTML block).
pub fn for_markdown(svg: &str) -> String {
    svg.lines()
        .filter(|line| !line.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// Draws a time axis at height `y` from zero to `until`, with ticks at round times (1, 2 or 5
/// times a power of ten) in one unit, the first labelled plain "0"; returns the height below it.
fn time_axis(
    document: Document,
    y: f64,
    until: Duration,
    x: impl Fn(Duration) -> f64,
) -> (Document, f64) {
    let line = |x1: f64, x2: f64, y1: f64, y2: f64| {
        Line::new()
            .set("x1", x1)
            .set("x2", x2)
            .set("y1", y1)
            .set("y2", y2)
            .set("stroke", "#555")
    };
    let mut document = document.add(line(x(Duration::ZERO), x(until), y, y));
    let (step, unit, per_unit) = tick_step(until);
    let mut at = 0.0;
    while at <= until.as_secs_f64() * (1.0 + 1e-9) {
        let tick = Duration::from_secs_f64(at);
        let label = if at == 0.0 {
            "0".to_owned()
        } else {
            format!("{} {unit}", trim_number(at * per_unit))
        };
        document = document.add(line(x(tick), x(tick), y, y + 5.0)).add(
            Text::new(label)
                .set("x", x(tick))
                .set("y", y + 18.0)
                .set("text-anchor", "middle"),
        );
        at += step;
    }
    (document, y + AXIS)
}

/// A round step (1, 2 or 5 times a power of ten, in seconds) giving 3 to 7 ticks up to
/// `until`, and the unit the axis is labelled in (with how many of it make a second).
fn tick_step(until: Duration) -> (f64, &'static str, f64) {
    let seconds = until.as_secs_f64().max(1e-9);
    let power = 10_f64.powf((seconds / 5.0).log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|step| seconds / step <= 6.0)
        .unwrap_or(10.0 * power);
    let (unit, per_unit) = match seconds {
        s if s >= 1.0 => ("s", 1.0),
        s if s >= 1e-3 => ("ms", 1e3),
        _ => ("µs", 1e6),
    };
    (step, unit, per_unit)
}

/// A number with no trailing zeros: 0.5, 1, 1.5, 250.
fn trim_number(value: f64) -> String {
    let text = format!("{value:.3}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The timelines as Chrome trace events: one process per timeline, one thread per OS thread,
/// one complete ("X") event per span, in microseconds.
pub fn chrome_trace(timelines: &[Timeline]) -> Value {
    let mut events = Vec::new();
    for (index, timeline) in timelines.iter().enumerate() {
        let pid = index + 1;
        events.push(json!({
            "ph": "M", "name": "process_name", "pid": pid, "tid": 0,
            "args": { "name": timeline.title },
        }));
        let threads: BTreeMap<usize, &str> = timeline
            .spans
            .iter()
            .map(|s| (s.thread, s.thread_name.as_str()))
            .collect();
        for (tid, name) in threads {
            events.push(json!({
                "ph": "M", "name": "thread_name", "pid": pid, "tid": tid,
                "args": { "name": name },
            }));
        }
        for span in &timeline.spans {
            events.push(json!({
                "ph": "X",
                "name": format!("{}: {}", span.task, span.label),
                "cat": span.label,
                "pid": pid,
                "tid": span.thread,
                "ts": span.start.as_secs_f64() * 1e6,
                "dur": span.duration().as_secs_f64() * 1e6,
                "args": { "task": span.task },
            }));
        }
    }
    json!({ "traceEvents": events, "displayTimeUnit": "ms" })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timeline() -> Timeline {
        let span = |task: &str, thread, start, end| Span {
            task: task.into(),
            label: "download".into(),
            thread,
            thread_name: format!("thread-{thread}"),
            start: Duration::from_millis(start),
            end: Duration::from_millis(end),
        };
        Timeline {
            title: "threads".into(),
            spans: vec![span("a", 1, 0, 50), span("b", 2, 1, 51)],
        }
    }

    #[test]
    fn svg_has_a_bar_per_span_and_no_blank_line() {
        let drawn = svg(&[timeline()]);
        assert!(drawn.starts_with("<svg"), "{drawn}");
        assert_eq!(drawn.matches(BUSY).count(), 2);
        assert!(drawn.contains("threads"));
        assert!(!drawn.contains("\n\n"));
    }

    #[test]
    fn runs_more_than_tenfold_apart_get_an_axis_each() {
        let mut long = timeline();
        long.title = "long".into();
        for span in &mut long.spans {
            span.end *= 40;
        }
        let axes = |drawn: &str| drawn.lines().filter(|line| *line == "0").count();
        assert_eq!(axes(&svg(&[timeline(), timeline()])), 1);
        let drawn = svg(&[timeline(), long]);
        assert_eq!(axes(&drawn), 2, "{drawn}");
        assert!(drawn.contains("its own time axis"));
    }

    #[test]
    fn ticks_are_round_and_in_one_unit() {
        assert_eq!(tick_step(Duration::from_millis(2280)), (0.5, "s", 1.0));
        let (step, unit, _) = tick_step(Duration::from_millis(106));
        assert!((step - 0.02).abs() < 1e-12 && unit == "ms", "{step} {unit}");
        assert_eq!(trim_number(0.5), "0.5");
        assert_eq!(trim_number(20.0), "20");
        let drawn = svg(&[timeline()]);
        let labels: Vec<&str> = drawn.lines().filter(|l| l.ends_with(" ms")).collect();
        assert_eq!(
            labels,
            ["10 ms", "20 ms", "30 ms", "40 ms", "50 ms"],
            "{drawn}"
        );
        assert!(drawn.lines().any(|line| line == "0") && !drawn.contains("\n0 µs\n"));
    }

    #[test]
    fn trace_has_complete_events_in_microseconds() {
        let trace = chrome_trace(&[timeline()]);
        let events = trace["traceEvents"].as_array().unwrap();
        let complete: Vec<&Value> = events.iter().filter(|e| e["ph"] == "X").collect();
        assert_eq!(complete.len(), 2);
        assert_eq!(complete[0]["dur"], 50_000.0);
        assert_eq!(complete[1]["ts"], 1_000.0);
    }
}
