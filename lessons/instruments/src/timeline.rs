//! Drawing recorded spans in the terminal, one row per task, like the tutorials' charts:
//!
//! ```text
//! Task A │██░░██░░│
//! Task B │░░██░░██│
//! ```
//!
//! `█` the task was running for most of that slice of time, `░` it existed but waited (between
//! its first start and its last end) for most of it, `▌` it ran for part of it, blank: it had
//! not started, or had finished.

use std::fmt::Write as _;
use std::time::Duration;

use crate::record::Span;

/// Cells wider than this make a timeline harder to read, not clearer.
const MAX_WIDTH: usize = 120;
/// Used when the output is not a terminal (a pipe, a file, a test).
const DEFAULT_WIDTH: usize = 80;

/// The width to draw at: the terminal's, else `$COLUMNS`, else 80; between 40 and 120.
pub fn terminal_width() -> usize {
    // Standard output only: a report piped to a file gets the default width even when
    // standard error is still a terminal.
    let from_terminal =
        terminal_size::terminal_size_of(std::io::stdout()).map(|(width, _)| usize::from(width.0));
    let from_env = || std::env::var("COLUMNS").ok()?.parse().ok();
    from_terminal
        .or_else(from_env)
        .unwrap_or(DEFAULT_WIDTH)
        .clamp(40, MAX_WIDTH)
}

/// The rows of a timeline: task names in order of their first start, each with its spans.
pub fn rows(spans: &[Span]) -> Vec<(String, Vec<&Span>)> {
    let mut rows: Vec<(String, Vec<&Span>)> = Vec::new();
    let mut sorted: Vec<&Span> = spans.iter().collect();
    sorted.sort_by_key(|s| (s.start, s.end));
    for span in sorted {
        match rows.iter_mut().find(|(task, _)| *task == span.task) {
            Some((_, row)) => row.push(span),
            None => rows.push((span.task.clone(), vec![span])),
        }
    }
    rows
}

/// A readable duration for an axis or a table: `850 µs`, `12.5 ms`, `2.01 s`.
pub fn format_duration(duration: Duration) -> String {
    let seconds = duration.as_secs_f64();
    if seconds >= 1.0 {
        format!("{seconds:.2} s")
    } else if seconds >= 0.01 {
        format!("{:.0} ms", seconds * 1e3)
    } else if seconds >= 0.001 {
        format!("{:.1} ms", seconds * 1e3)
    } else {
        format!("{:.0} µs", seconds * 1e6)
    }
}

/// Draws the spans as a timeline `width` characters wide, with a labelled time axis.
///
/// Time runs from zero (the recorder's start) to the last span's end, so timelines of
/// different runs drawn at the same width can be compared by eye only when their ends match;
/// use [`draw_until`] to give several timelines one scale.
pub fn draw(spans: &[Span], width: usize) -> String {
    let end = spans.iter().map(|s| s.end).max().unwrap_or_default();
    draw_until(spans, width, end)
}

/// Like [`draw`], with the time axis running from zero to `until`.
pub fn draw_until(spans: &[Span], width: usize, until: Duration) -> String {
    let rows = rows(spans);
    if rows.is_empty() || until.is_zero() {
        return "(nothing was recorded)\n".to_owned();
    }
    let name_width = rows
        .iter()
        .map(|(task, _)| task.chars().count())
        .max()
        .unwrap_or(0)
        .min(24);
    // Name, a space, the two borders.
    let cells = width.saturating_sub(name_width + 3).max(8);
    let cell = until.as_secs_f64() / cells as f64;

    let mut out = String::new();
    for (task, row) in &rows {
        let first = row.iter().map(|s| s.start).min().unwrap_or_default();
        let last = row.iter().map(|s| s.end).max().unwrap_or_default();
        let name: String = task.chars().take(name_width).collect();
        let _ = write!(out, "{name:<name_width$} │");
        for index in 0..cells {
            let from = cell * index as f64;
            let to = from + cell;
            let busy: f64 = row
                .iter()
                .map(|s| {
                    let start = s.start.as_secs_f64().max(from);
                    let end = s.end.as_secs_f64().min(to);
                    (end - start).max(0.0)
                })
                .sum();
            // The part of this cell between the task's first start and its last end, less the
            // part it was running: the time it existed but waited.
            let alive = (last.as_secs_f64().min(to) - first.as_secs_f64().max(from)).max(0.0);
            let waiting = (alive - busy).max(0.0);
            out.push(if busy >= cell * 0.5 {
                '█'
            } else if waiting >= cell * 0.5 {
                '░'
            } else if busy >= cell * 0.1 {
                '▌'
            } else if waiting >= cell * 0.1 {
                '░'
            } else {
                ' '
            });
        }
        out.push_str("│\n");
    }
    out.push_str(&axis(name_width, cells, until));
    let _ = writeln!(
        out,
        "{:name_width$}  █ running  ░ waiting  one cell = {}",
        "",
        format_duration(Duration::from_secs_f64(cell))
    );
    out
}

/// The time axis under the bars: a tick every ten cells or so, labelled at the start, the
/// middle and the end.
fn axis(name_width: usize, cells: usize, until: Duration) -> String {
    let mut ticks = String::new();
    for index in 0..=cells {
        ticks.push(if index == 0 || index == cells || index % 10 == 0 {
            '┴'
        } else {
            '─'
        });
    }
    let start = "0";
    let middle = format_duration(until / 2);
    let end = format_duration(until);
    let mut labels = vec![' '; cells + 1];
    let mut place = |at: usize, text: &str| {
        for (offset, ch) in text.chars().enumerate() {
            if let Some(slot) = labels.get_mut(at + offset) {
                *slot = ch;
            }
        }
    };
    let end_at = (cells + 1).saturating_sub(end.chars().count());
    let middle_at = (cells / 2).saturating_sub(middle.chars().count() / 2);
    place(0, start);
    // The middle label only where it leaves a space on both sides.
    if middle_at > start.len() + 1 && middle_at + middle.chars().count() < end_at {
        place(middle_at, &middle);
    }
    place(end_at, &end);
    let labels: String = labels.into_iter().collect();
    format!(
        "{:name_width$} {ticks}\n{:name_width$} {}\n",
        "",
        "",
        labels.trim_end()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(task: &str, start_ms: u64, end_ms: u64) -> Span {
        Span {
            task: task.into(),
            label: "work".into(),
            thread: 0,
            thread_name: "main".into(),
            start: Duration::from_millis(start_ms),
            end: Duration::from_millis(end_ms),
        }
    }

    #[test]
    fn alternating_tasks_draw_like_the_tutorials_chart() {
        let spans = [
            span("Task A", 0, 10),
            span("Task B", 10, 20),
            span("Task A", 20, 30),
            span("Task B", 30, 40),
        ];
        let drawn = draw(&spans, 6 + 3 + 8);
        let lines: Vec<&str> = drawn.lines().collect();
        assert_eq!(lines[0], "Task A │██░░██  │", "{drawn}");
        assert_eq!(lines[1], "Task B │  ██░░██│", "{drawn}");
    }

    #[test]
    fn width_is_respected_and_axis_is_labelled() {
        let spans = [span("download-1", 0, 500), span("download-2", 0, 480)];
        let drawn = draw(&spans, 60);
        for line in drawn.lines().take(2) {
            assert_eq!(line.chars().count(), 60, "{drawn}");
        }
        assert!(drawn.contains("500 ms"), "{drawn}");
        assert!(drawn.contains("250 ms"), "{drawn}");
    }

    #[test]
    fn nothing_recorded_says_so() {
        assert_eq!(draw(&[], 80), "(nothing was recorded)\n");
    }

    #[test]
    fn durations_read_well() {
        assert_eq!(format_duration(Duration::from_micros(850)), "850 µs");
        assert_eq!(format_duration(Duration::from_micros(2500)), "2.5 ms");
        assert_eq!(format_duration(Duration::from_millis(125)), "125 ms");
        assert_eq!(format_duration(Duration::from_millis(2010)), "2.01 s");
    }
}
