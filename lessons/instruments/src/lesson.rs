//! What every lesson's `main` shares: the command line (`--quick`, `--json`, `--trace FILE`,
//! `--svg FILE`), the header, timelines drawn on one scale, the measurement table and the
//! machine-readable report.
//!
//! Pictures go through one flag. `--svg FILE` writes every picture the lesson draws: its
//! timelines to `FILE`, and each further picture a lesson adds with [`Lesson::picture`] beside
//! it, in `FILE`'s folder, under the picture's own name. So
//! `cargo run -p lesson-07 -- --svg output/timeline.svg` writes `output/timeline.svg` and
//! `output/speedup.svg` (the speedup curve), and `scripts/record-output` needs to know nothing
//! about which lesson draws what.
//!
//! ```no_run
//! use std::time::Duration;
//! use instruments::{Lesson, Measurement, Recorder};
//!
//! let mut lesson = Lesson::start("lesson-00", "An example");
//! let recorder = Recorder::new();
//! recorder.record("download-1", "download", || std::thread::sleep(Duration::from_millis(5)));
//! lesson.timeline("sequential", recorder.spans());
//! lesson.measure(Measurement::new("sequential", recorder.now()));
//! lesson.draw_timelines();
//! lesson.print_table();
//! std::process::exit(lesson.finish());
//! ```

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::Parser;
use comfy_table::{Table, presets::UTF8_BORDERS_ONLY};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::export::{Timeline, chrome_trace, svg};
use crate::record::Span;
use crate::timeline::{draw_until, format_duration, terminal_width};

/// The flags every lesson accepts. An unknown flag prints the usage and exits with status 2.
#[derive(Debug, Clone, Default, Parser)]
#[command(about = None, long_about = None)]
pub struct LessonArgs {
    /// Small sizes: finishes in well under a second (used by tests and CI).
    #[arg(long)]
    pub quick: bool,
    /// Print one JSON object with the measurements instead of the text report.
    #[arg(long)]
    pub json: bool,
    /// Write the timelines as a Chrome trace-event file (open it in Perfetto).
    #[arg(long, value_name = "FILE")]
    pub trace: Option<PathBuf>,
    /// Write every picture the lesson draws: the timelines to FILE, any other picture (such as
    /// speedup.svg) beside it, in FILE's folder.
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
}

/// One measured run: a name, a wall time, and any other figures about it.
#[derive(Debug, Clone, Serialize)]
pub struct Measurement {
    /// The variant that ran, as a reader sees it ("tokio, one thread").
    pub name: String,
    /// Its stable snake_case key for the JSON report ("tokio_one_thread"), where it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Its wall-clock time.
    pub seconds: f64,
    /// Further figures (ratios, counts), shown as extra table columns.
    #[serde(flatten)]
    pub figures: Map<String, Value>,
}

impl Measurement {
    /// A measurement with no further figures yet.
    pub fn new(name: impl Into<String>, elapsed: Duration) -> Self {
        Measurement {
            name: name.into(),
            key: None,
            seconds: elapsed.as_secs_f64(),
            figures: Map::new(),
        }
    }

    /// Gives it a stable key for the JSON report (see [`crate::compare`]).
    pub fn key(mut self, key: &str) -> Self {
        self.key = Some(key.to_owned());
        self
    }

    /// Adds a figure: a number, a count, a word.
    pub fn with(mut self, key: &str, value: impl Into<Value>) -> Self {
        self.figures.insert(key.to_owned(), value.into());
        self
    }
}

/// The report `--json` prints.
#[derive(Debug, Clone, Serialize)]
struct Report {
    lesson: String,
    title: String,
    cores: usize,
    quick: bool,
    measurements: Vec<Measurement>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ideal_seconds: Option<f64>,
    derived: Map<String, Value>,
}

/// A lesson run in progress: collects what was measured and prints it the way the flags ask.
#[derive(Debug)]
pub struct Lesson {
    args: LessonArgs,
    report: Report,
    timelines: Vec<Timeline>,
    drawn: usize,
    pictures: Vec<(String, String)>,
}

/// The number of cores this process may use.
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

impl Lesson {
    /// Parses the command line (exiting with usage and status 2 on a bad flag) and prints the
    /// header.
    pub fn start(id: &str, title: &str) -> Lesson {
        Lesson::with_args(id, title, LessonArgs::parse())
    }

    /// Like [`Lesson::start`], with arguments already parsed.
    pub fn with_args(id: &str, title: &str, args: LessonArgs) -> Lesson {
        let lesson = Lesson {
            report: Report {
                lesson: id.to_owned(),
                title: title.to_owned(),
                cores: cores(),
                quick: args.quick,
                measurements: Vec::new(),
                ideal_seconds: None,
                derived: Map::new(),
            },
            args,
            timelines: Vec::new(),
            drawn: 0,
            pictures: Vec::new(),
        };
        let sizes = if lesson.quick() { "quick" } else { "full" };
        lesson.say(format!(
            "{id} · {title}\nmachine: {} cores · sizes: {sizes}\n",
            lesson.report.cores
        ));
        lesson
    }

    /// Whether `--quick` was given.
    pub fn quick(&self) -> bool {
        self.args.quick
    }

    /// The number of cores, as printed in the header.
    pub fn cores(&self) -> usize {
        self.report.cores
    }

    /// Prints a line of the text report (nothing under `--json`). A sentence wider than the
    /// terminal (or `$COLUMNS`) is wrapped at spaces, its further lines indented by two, so that
    /// the book's recorded copy fits its page; drawn lines (timelines, tables) are left alone.
    pub fn say(&self, text: impl AsRef<str>) {
        if !self.args.json {
            print_line(&wrap(text.as_ref(), terminal_width()));
        }
    }

    /// Records a measurement for the table and the JSON report.
    pub fn measure(&mut self, measurement: Measurement) {
        self.report.measurements.push(measurement);
    }

    /// The best possible time for the headline task, for the JSON report.
    pub fn ideal(&mut self, ideal: Duration) {
        self.report.ideal_seconds = Some(ideal.as_secs_f64());
    }

    /// A figure computed from the measurements (a speedup, a ratio, a count), for the JSON
    /// report; print it with [`Lesson::say`] in words.
    pub fn derive(&mut self, key: &str, value: impl Into<Value>) {
        self.report.derived.insert(key.to_owned(), value.into());
    }

    /// A figure given to [`Lesson::derive`] earlier, as a number.
    pub fn derived(&self, key: &str) -> Option<f64> {
        self.report.derived.get(key)?.as_f64()
    }

    /// Keeps a timeline for drawing and for `--svg` / `--trace`.
    pub fn timeline(&mut self, title: impl Into<String>, spans: Vec<Span>) {
        self.timelines.push(Timeline {
            title: title.into(),
            spans,
        });
    }

    /// Keeps a picture besides the timelines (a speedup curve, say), as SVG text: `--svg FILE`
    /// writes it beside `FILE` as `<name>.svg`.
    pub fn picture(&mut self, name: &str, svg: String) {
        self.pictures.push((format!("{name}.svg"), svg));
    }

    /// Draws every timeline kept since the last call, all on one time scale, so that a
    /// shorter bar really means a shorter run.
    pub fn draw_timelines(&mut self) {
        let pending = &self.timelines[self.drawn..];
        let until = pending
            .iter()
            .flat_map(|t| t.spans.iter().map(|s| s.end))
            .max()
            .unwrap_or_default();
        let width = terminal_width();
        for timeline in pending {
            self.say(format!("{}:", timeline.title));
            self.say(draw_until(&timeline.spans, width, until));
        }
        self.drawn = self.timelines.len();
    }

    /// Prints the measurements as a table: name, time, then every figure they carry.
    pub fn print_table(&self) {
        let mut keys: Vec<&String> = Vec::new();
        for measurement in &self.report.measurements {
            for key in measurement.figures.keys() {
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
        let mut table = Table::new();
        table.load_style(UTF8_BORDERS_ONLY);
        let mut header = vec!["run".to_owned(), "time".to_owned()];
        header.extend(keys.iter().map(|k| k.replace('_', " ")));
        let mut rows = vec![header];
        for measurement in &self.report.measurements {
            let mut row = vec![
                measurement.name.clone(),
                format_duration(Duration::from_secs_f64(measurement.seconds)),
            ];
            row.extend(keys.iter().map(|key| match measurement.figures.get(*key) {
                Some(Value::Number(n)) if n.is_f64() => format!("{:.3}", n.as_f64().unwrap_or(0.0)),
                Some(Value::String(text)) => text.clone(),
                Some(other) => other.to_string(),
                None => String::new(),
            }));
            rows.push(row);
        }
        fit(&mut rows, terminal_width());
        let mut rows = rows.into_iter();
        table.set_header(rows.next().unwrap_or_default());
        for row in rows {
            table.add_row(row);
        }
        self.say(table.to_string());
    }

    /// Writes the requested files and, under `--json`, prints the report. Returns the process
    /// exit status: 0, or 1 with a message if a file could not be written.
    pub fn finish(self) -> i32 {
        let mut status = 0;
        if let Some(path) = &self.args.svg {
            status |= write_file(path, &svg(&self.timelines));
            for (name, picture) in &self.pictures {
                let beside = path.with_file_name(name);
                if beside == *path {
                    eprintln!(
                        "error: --svg {}: the timelines and the picture {name} would share one \
                         file; name the timelines' file otherwise (e.g. timeline.svg)",
                        path.display()
                    );
                    status = 1;
                } else {
                    status |= write_file(&beside, picture);
                }
            }
        }
        if let Some(path) = &self.args.trace {
            status |= write_file(path, &chrome_trace(&self.timelines).to_string());
        }
        if self.args.json {
            match serde_json::to_string_pretty(&self.report) {
                Ok(text) => print_line(&text),
                Err(error) => {
                    eprintln!("error: could not write the report as JSON: {error}");
                    status = 1;
                }
            }
        }
        let _ = std::io::stdout().flush();
        status
    }
}

/// Wraps the cells of a table (its first row the header) between words until the table is at
/// most `width` wide, in this order: the headers, then the run names, then the words of the
/// other cells ("yes, 2 threads"). A figure (a cell starting with a digit) is never cut. The
/// table draws each column 3 wider (its padding and the space between columns) and adds 1.
fn fit(rows: &mut [Vec<String>], width: usize) {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let budget = width.saturating_sub(1 + 3 * columns);
    let lines = |cell: &String| cell.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    // The longest piece wrap_words cannot break: a word, or a part of a path up to its `::`.
    let longest_word = |cell: &String| {
        let pieces = cell
            .split_whitespace()
            .flat_map(|w| w.split_inclusive("::"));
        pieces.map(|piece| piece.chars().count()).max().unwrap_or(0)
    };
    let column_width = |rows: &[Vec<String>], index: usize, skip: usize| {
        let cells = rows.iter().skip(skip).filter_map(|row| row.get(index));
        cells.map(lines).max().unwrap_or(0)
    };
    let total = |rows: &[Vec<String>]| {
        (0..columns)
            .map(|i| column_width(rows, i, 0))
            .sum::<usize>()
    };
    // The headers, down to their longest word or their column's widest figure.
    for index in 1..columns {
        if total(rows) <= budget {
            return;
        }
        let target = column_width(rows, index, 1).max(longest_word(&rows[0][index]));
        rows[0][index] = wrap_words(&rows[0][index], target);
    }
    // The run names, down to what the other columns leave.
    if total(rows) > budget {
        let others: usize = (1..columns).map(|i| column_width(rows, i, 0)).sum();
        let least = rows
            .iter()
            .filter_map(|row| row.first())
            .map(longest_word)
            .max();
        let target = budget.saturating_sub(others).max(least.unwrap_or(0));
        for row in rows.iter_mut() {
            if let Some(name) = row.first_mut() {
                *name = wrap_words(name, target);
            }
        }
    }
    // The other words, down to the longest word of their column.
    for index in 1..columns {
        if total(rows) <= budget {
            return;
        }
        let cells = rows.iter().skip(1).filter_map(|row| row.get(index));
        let target = cells.map(longest_word).max().unwrap_or(0);
        for row in rows.iter_mut().skip(1) {
            if let Some(cell) = row.get_mut(index) {
                if !cell.starts_with(|c: char| c.is_ascii_digit()) {
                    *cell = wrap_words(cell, target);
                }
            }
        }
    }
}

/// `text` on lines of at most `width` characters, broken between words, and inside a longer
/// path after a `::` (`tokio::time::sleep`); what is still longer keeps a line to itself.
fn wrap_words(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for word in text.split_whitespace() {
        // (piece, whether it follows the previous piece without a space)
        let pieces: Vec<(&str, bool)> = if word.chars().count() > width {
            let mut parts = Vec::new();
            let mut rest = word;
            while let Some(at) = rest.find("::").filter(|&at| at + 2 < rest.len()) {
                parts.push((&rest[..at + 2], !parts.is_empty()));
                rest = &rest[at + 2..];
            }
            parts.push((rest, !parts.is_empty()));
            parts
        } else {
            vec![(word, false)]
        };
        for (piece, glued) in pieces {
            let len = piece.chars().count();
            let gap = usize::from(!glued);
            if used > 0 && used + gap + len > width {
                out.push('\n');
                used = 0;
            } else if used > 0 && !glued {
                out.push(' ');
                used += 1;
            }
            out.push_str(piece);
            used += len;
        }
    }
    out
}

/// Wraps each line of `text` wider than `width` at spaces, further lines indented by two.
/// Lines holding box-drawing characters are pictures drawn to a width already: kept whole.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            out.push('\n');
        }
        let drawn = line.chars().any(|c| ('\u{2500}'..='\u{259f}').contains(&c));
        if drawn || line.chars().count() <= width {
            out.push_str(line);
            continue;
        }
        let mut used = 0;
        for word in units_kept(line) {
            let len = word.chars().count();
            if used > 0 && used + 1 + len > width {
                out.push_str("\n  ");
                used = 2;
            } else if used > 0 {
                out.push(' ');
                used += 1;
            }
            out.push_str(&word);
            used += len;
        }
    }
    out
}

/// The words of `line`, a number kept with the unit after it (`205 ms`, `9.19 kB`), so that a
/// wrapped line never puts a figure and its unit on different lines.
fn units_kept(line: &str) -> Vec<String> {
    const UNITS: [&str; 7] = ["s", "ms", "µs", "ns", "kB", "MB", "GB"];
    let mut words: Vec<String> = Vec::new();
    for word in line.split(' ') {
        let bare = word.trim_end_matches([',', '.', ';', ':', ')']);
        let unit = UNITS.contains(&bare);
        match words.last_mut() {
            Some(last) if unit && last.ends_with(|c: char| c.is_ascii_digit()) => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_owned()),
        }
    }
    words
}

/// Prints a line; if the reader has gone (`cargo run -p lesson-01 | head`), stops quietly
/// instead of panicking: nobody is left to read the rest.
fn print_line(text: &str) {
    let mut out = std::io::stdout().lock();
    if writeln!(out, "{text}").is_err() {
        std::process::exit(0);
    }
}

fn write_file(path: &Path, contents: &str) -> i32 {
    match std::fs::write(path, contents) {
        Ok(()) => {
            eprintln!("wrote {}", path.display());
            0
        }
        Err(error) => {
            eprintln!("error: could not write {}: {error}", path.display());
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_parse_and_unknown_flags_are_refused() {
        let args = LessonArgs::try_parse_from(["lesson", "--quick", "--svg", "t.svg"]).unwrap();
        assert!(args.quick && !args.json);
        assert_eq!(args.svg.as_deref(), Some(Path::new("t.svg")));
        let error = LessonArgs::try_parse_from(["lesson", "--fast"]).unwrap_err();
        assert_eq!(error.exit_code(), 2);
    }

    #[test]
    fn svg_writes_every_picture_beside_the_timelines() {
        let dir = std::env::temp_dir().join(format!("lesson-pictures-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let svg = dir.join("timeline.svg");
        let args = LessonArgs {
            json: true,
            svg: Some(svg.clone()),
            ..LessonArgs::default()
        };
        let mut lesson = Lesson::with_args("lesson-00", "test", args.clone());
        lesson.picture("speedup", "<svg>curve</svg>".to_owned());
        assert_eq!(lesson.finish(), 0);
        assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));
        let curve = std::fs::read_to_string(dir.join("speedup.svg")).unwrap();
        assert_eq!(curve, "<svg>curve</svg>");
        // A picture that would overwrite the timelines is refused, not written over them.
        let mut lesson = Lesson::with_args("lesson-00", "test", args);
        lesson.picture("timeline", "<svg>curve</svg>".to_owned());
        assert_eq!(lesson.finish(), 1);
        assert_ne!(std::fs::read_to_string(&svg).unwrap(), "<svg>curve</svg>");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn long_sentences_wrap_and_drawn_lines_do_not() {
        let sentence = "racy: 7 of 10 runs lost updates, 3 lost none: a clean run proves nothing.";
        let wrapped = wrap(sentence, 30);
        assert!(
            wrapped.lines().all(|line| line.chars().count() <= 30),
            "{wrapped}"
        );
        assert!(wrapped.lines().skip(1).all(|line| line.starts_with("  ")));
        assert_eq!(
            wrapped.split_whitespace().collect::<Vec<_>>().join(" "),
            sentence
        );
        let wrapped = wrap(
            "downloads: 6 workers took 1.82 s, 50 workers took 205 ms: faster",
            45,
        );
        assert!(wrapped.contains("205 ms"), "{wrapped}");
        let drawn = format!("a.csv │{}│", "█".repeat(40));
        assert_eq!(wrap(&drawn, 30), drawn);
    }

    #[test]
    fn a_wide_table_wraps_words_and_never_cuts_a_figure() {
        let header = ["run", "time", "readers at once", "completed", "deadlock"];
        let row = [
            "transfers: paying account first",
            "114 ms",
            "",
            "20000",
            "yes, 2 threads",
        ];
        let mut rows = vec![
            header.map(str::to_owned).to_vec(),
            row.map(str::to_owned).to_vec(),
        ];
        fit(&mut rows, 56);
        let widest = |cell: &String| cell.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        let total: usize = (0..5)
            .map(|i| rows.iter().map(|r| widest(&r[i])).max().unwrap())
            .sum();
        assert!(total + 1 + 3 * 5 <= 56, "{rows:?}");
        assert_eq!(
            (rows[1][1].as_str(), rows[1][3].as_str()),
            ("114 ms", "20000")
        );
        assert_eq!(rows[0][2], "readers\nat once");
        assert!(rows[1][0].lines().count() > 1, "{rows:?}");
        assert_eq!(
            wrap_words("3 downloads, tokio::time::sleep", 12),
            "3 downloads,\ntokio::\ntime::sleep"
        );
    }

    #[test]
    fn report_has_the_promised_fields() {
        let mut lesson = Lesson::with_args(
            "lesson-00",
            "test",
            LessonArgs {
                json: true,
                ..LessonArgs::default()
            },
        );
        lesson.measure(Measurement::new("threads", Duration::from_millis(500)).with("ratio", 1.0));
        lesson.ideal(Duration::from_millis(500));
        lesson.derive("speedup", 3.0);
        let report = serde_json::to_value(&lesson.report).unwrap();
        assert_eq!(report["lesson"], "lesson-00");
        assert_eq!(report["measurements"][0]["name"], "threads");
        assert_eq!(report["measurements"][0]["seconds"], 0.5);
        assert_eq!(report["measurements"][0]["ratio"], 1.0);
        assert_eq!(report["ideal_seconds"], 0.5);
        assert_eq!(report["derived"]["speedup"], 3.0);
        assert!(report["cores"].as_u64().unwrap() >= 1);
    }
}
