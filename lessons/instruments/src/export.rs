//! The same timelines as files: SVG for the book, Chrome trace-event JSON for Perfetto
//! (<https://ui.perfetto.dev>, "Open trace file") or `chrome://tracing`.

use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::{Value, json};
use svg::Document;
use svg::node::element::{Group, Line, Rectangle, Text, Title};

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
const AXIS: f64 = 34.0;
const BUSY: &str = "#3b6ea8";
const WAIT: &str = "#d9dee5";

/// Draws the timelines one under the other on a shared time axis, so that their lengths can
/// be compared directly. Busy spans are solid; a task's waits (between its first start and its
/// last end) are pale. Hovering a span shows its label, thread and times.
pub fn svg(timelines: &[Timeline]) -> String {
    let until = timelines
        .iter()
        .flat_map(|t| t.spans.iter().map(|s| s.end))
        .max()
        .unwrap_or_default()
        .max(Duration::from_micros(1));
    let scale = (WIDTH - NAME_WIDTH - 20.0) / until.as_secs_f64();
    let x = |at: Duration| NAME_WIDTH + at.as_secs_f64() * scale;

    let mut document = Document::new()
        .set("font-family", "sans-serif")
        .set("font-size", 12);
    let mut y = 8.0;
    for timeline in timelines {
        y += TITLE;
        document = document.add(
            Text::new(timeline.title.clone())
                .set("x", 4)
                .set("y", y - 8.0)
                .set("font-weight", "bold"),
        );
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
    }
    // The shared time axis, with five labelled ticks.
    y += 6.0;
    document = document.add(
        Line::new()
            .set("x1", x(Duration::ZERO))
            .set("x2", x(until))
            .set("y1", y)
            .set("y2", y)
            .set("stroke", "#555"),
    );
    for step in 0..=4 {
        let at = until * step / 4;
        document = document
            .add(
                Line::new()
                    .set("x1", x(at))
                    .set("x2", x(at))
                    .set("y1", y)
                    .set("y2", y + 5.0)
                    .set("stroke", "#555"),
            )
            .add(
                Text::new(format_duration(at))
                    .set("x", x(at))
                    .set("y", y + 18.0)
                    .set("text-anchor", "middle"),
            );
    }
    let height = y + AXIS;
    document = document
        .set("viewBox", (0, 0, WIDTH, height))
        .set("width", WIDTH)
        .set("height", height);
    // No blank lines, so the SVG can be placed inline in a markdown page.
    let text = document.to_string();
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
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
    fn trace_has_complete_events_in_microseconds() {
        let trace = chrome_trace(&[timeline()]);
        let events = trace["traceEvents"].as_array().unwrap();
        let complete: Vec<&Value> = events.iter().filter(|e| e["ph"] == "X").collect();
        assert_eq!(complete.len(), 2);
        assert_eq!(complete[0]["dur"], 50_000.0);
        assert_eq!(complete[1]["ts"], 1_000.0);
    }
}
