//! The book states only figures that a recorded run produced.
//!
//! A *figure* is a measured-looking number, found by [`figures`]:
//!
//! - a time: `1.50 s`, `0.69s`, `501 ms`, `86 µs` (also `us`), `0.999 ns`;
//! - a speedup or ratio: `2.05x`, `2×`, or a decimal followed by `times` (`3.002 times`);
//! - a percentage: `23.6%`, `71 %`;
//! - a size: `9.19 kB`, `4340 KiB`, `12 bytes`, `120M` (K, M or G written against the number);
//! - a count out of a total: `7 of 10`, `20,000 of 20,000`.
//!
//! A chapter `book/NN-*.md` maps to its lesson by its number, `lessons/lesson-NN`, and every
//! figure in the chapter must be in that lesson's recorded output (`output/*.txt`, written by
//! `scripts/record-output`): the same number (digit separators ignored: `1,000,000` is
//! `1000000`) with the same unit. A number in a table row of the run (a line with `│`) counts
//! for a decimal figure in any unit, because a table puts its unit in the column header
//! (`0.999` under `ns per increment`). A chapter whose lesson has no `output/run.txt` is an
//! error: a chapter arrives with its run. Pages without a number (the introduction, the
//! appendix) may quote any lesson's run.
//!
//! What is *not* scanned, because it is code or a quotation, not a claim about a run:
//!
//! - fenced blocks in a programming language (`rust`, `python`, `toml`, `sh`, ...): their
//!   numbers are code. Blocks of output (`text`, `console`, `json`) are scanned: pasted output
//!   must come from a run like everything else;
//! - inline code (`` `Duration::from_millis(8)` ``) and `{{#include ...}}` lines;
//! - figures quoted from the Python tutorials, written inside `<q>...</q>` (`the tutorial
//!   says <q>about 2 s</q>`), which mdBook renders as a quotation;
//! - HTML comments.
//!
//! So a constant of the lesson that its run does not print (a timeout, a check's interval) is
//! written as code, in words, or printed by the run. The message names the chapter, the line and
//! the figure.
//!
//! The same file checks what the page holds: recorded runs and pasted output (`text` and
//! `console` blocks) are at most [`PAGE_COLUMNS`] wide, so no reader scrolls sideways for a
//! table or an output line. `scripts/record-output` records at 78 columns, leaving a margin.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Characters of a code block that the book's page shows at 1280 px without scrolling.
/// Measured in headless Chromium (`chromium --headless --window-size=1280,900`, mdBook 0.5.4's
/// theme with `book/wide-code.css`, 880 px of content): a code block's text box is 860 px wide
/// and a column of its 14 px monospace font 8.4 px, so 102 columns fit, the lessons' rustfmt
/// width (100) with two to spare. mdBook's default 750 px fits 86.
const PAGE_COLUMNS: usize = 102;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One figure: where it starts (byte offset), its text as written, and the key compared with
/// the run's figures: `(number without separators, unit)`; for `N of M`, `("N of M", "of")`.
#[derive(Debug, Clone, PartialEq)]
struct Figure {
    at: usize,
    text: String,
    number: String,
    unit: &'static str,
}

/// A number starting at `start` in `text`: digits, `,`/`_` followed by three digits, one
/// decimal part. Returns its end and its digits without separators, or `None` when it is part
/// of something else (a version such as `3.11.7`, an identifier such as `E0277` or `lesson-03`).
fn number_at(text: &str, start: usize) -> Option<(usize, String)> {
    let bytes = text.as_bytes();
    let before = text[..start].chars().next_back();
    if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '/' | ':')) {
        return None;
    }
    let digits = |from: usize| {
        let mut end = from;
        while end < bytes.len() && bytes[end].is_ascii_digit() {
            end += 1;
        }
        end
    };
    let mut end = digits(start);
    let mut number = text[start..end].to_owned();
    while end + 3 < bytes.len() && matches!(bytes[end], b',' | b'_') && digits(end + 1) == end + 4 {
        number.push_str(&text[end + 1..end + 4]);
        end += 4;
    }
    if end + 1 < bytes.len() && bytes[end] == b'.' && bytes[end + 1].is_ascii_digit() {
        let decimals = digits(end + 1);
        number.push_str(&text[end..decimals]);
        end = decimals;
        if end + 1 < bytes.len() && bytes[end] == b'.' && bytes[end + 1].is_ascii_digit() {
            return None; // a version: 3.11.7
        }
    }
    Some((end, number))
}

/// Skips spaces (any whitespace, so a figure may wrap across lines) from `at`.
fn skip_space(text: &str, at: usize) -> usize {
    at + text[at..]
        .char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map_or(text.len() - at, |(i, _)| i)
}

/// The word at `at`: letters (and `µ`), or a single `%` or `×`.
fn word_at(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    if rest.starts_with('%') || rest.starts_with('×') {
        return &rest[..rest.chars().next().map_or(0, char::len_utf8)];
    }
    let end = rest
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(rest.len(), |(i, _)| i);
    &rest[..end]
}

/// The unit a word names, with whether it must touch the number (`2x`, `120M`) to count.
fn unit(word: &str, decimal: bool) -> Option<(&'static str, bool)> {
    Some(match word {
        "s" => ("s", false),
        "ms" => ("ms", false),
        "µs" | "us" => ("µs", false),
        "ns" => ("ns", false),
        "x" | "×" => ("x", true),
        "times" if decimal => ("x", false),
        "%" | "percent" => ("%", false),
        "B" | "bytes" => ("B", false),
        "kB" | "KB" | "kb" => ("kB", false),
        "KiB" => ("KiB", false),
        "MB" => ("MB", false),
        "MiB" => ("MiB", false),
        "GB" => ("GB", false),
        "GiB" => ("GiB", false),
        "K" => ("K", true),
        "M" => ("M", true),
        "G" => ("G", true),
        _ => return None,
    })
}

/// Every figure in `text` (see the module documentation for what counts).
fn figures(text: &str) -> Vec<Figure> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let Some(offset) = text[at..].find(|c: char| c.is_ascii_digit()) else {
            break;
        };
        let start = at + offset;
        let Some((end, number)) = number_at(text, start) else {
            at = start
                + text[start..]
                    .find(|c: char| !c.is_ascii_digit() && c != '.')
                    .unwrap_or(text.len() - start)
                    .max(1);
            continue;
        };
        at = end.max(start + 1);
        let gap = skip_space(text, end);
        let word = word_at(text, gap);
        if word == "of" {
            let next = skip_space(text, gap + 2);
            if next > gap + 2 {
                if let Some((total_end, total)) = text[next..]
                    .starts_with(|c: char| c.is_ascii_digit())
                    .then(|| number_at(text, next))
                    .flatten()
                {
                    found.push(Figure {
                        at: start,
                        text: text[start..total_end]
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" "),
                        number: format!("{number} of {total}"),
                        unit: "of",
                    });
                    at = total_end;
                }
            }
            continue;
        }
        let Some((unit, touching)) = unit(word, number.contains('.')) else {
            continue;
        };
        if touching && gap != end {
            continue;
        }
        let word_end = gap + word.len();
        if text[word_end..].starts_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        found.push(Figure {
            at: start,
            text: text[start..word_end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            number,
            unit,
        });
        at = word_end;
    }
    found
}

/// What a recorded run holds: its figures, and the decimal numbers in its table rows.
struct Run {
    figures: BTreeSet<(String, &'static str)>,
    table_numbers: BTreeSet<String>,
}

impl Run {
    fn new(text: &str) -> Run {
        let figures = figures(text)
            .into_iter()
            .map(|f| (f.number, f.unit))
            .collect();
        let mut table_numbers = BTreeSet::new();
        for line in text.lines().filter(|line| line.contains('│')) {
            for cell in line.split(['│', ' ']) {
                if cell.contains('.')
                    && number_at(cell, 0).is_some_and(|(end, _)| end == cell.len())
                {
                    table_numbers.insert(cell.to_owned());
                }
            }
        }
        Run {
            figures,
            table_numbers,
        }
    }

    fn holds(&self, figure: &Figure) -> bool {
        self.figures.contains(&(figure.number.clone(), figure.unit))
            || (figure.unit != "of"
                && figure.number.contains('.')
                && self.table_numbers.contains(&figure.number))
    }
}

/// The chapter's text with everything that is not a claim blanked out (code blocks in a
/// programming language, inline code, includes, `<q>` quotations, HTML comments), newlines
/// kept so that offsets still give line numbers.
fn claims(chapter: &str) -> String {
    let mut out = String::with_capacity(chapter.len());
    let mut in_code = false;
    for line in chapter.split_inclusive('\n') {
        let fence = line.trim_start().strip_prefix("```");
        let blank = in_code || fence.is_some() || line.contains("{{#include");
        if let Some(info) = fence {
            if !in_code {
                let language = info.trim().split([',', ' ']).next().unwrap_or_default();
                in_code = !matches!(language, "text" | "console" | "json" | "");
            } else {
                in_code = false;
            }
        }
        if blank {
            out.extend(line.chars().map(|c| if c == '\n' { '\n' } else { ' ' }));
        } else {
            out.push_str(line);
        }
    }
    for (open, close) in [("<q>", "</q>"), ("<!--", "-->")] {
        out = blank_between(&out, open, close);
    }
    blank_inline_code(&out)
}

/// Replaces every `open ... close` span (across lines too) with spaces, keeping newlines.
fn blank_between(text: &str, open: &str, close: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(open) {
        let end = rest[start..]
            .find(close)
            .map_or(rest.len(), |e| start + e + close.len());
        out.push_str(&rest[..start]);
        out.extend(
            rest[start..end]
                .chars()
                .map(|c| if c == '\n' { '\n' } else { ' ' }),
        );
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Blanks inline code spans (`` `...` ``) line by line; a line's unmatched backtick is left.
fn blank_inline_code(text: &str) -> String {
    text.split_inclusive('\n')
        .map(|line| {
            let mut out = String::with_capacity(line.len());
            let mut inside = false;
            let ticks = line.matches('`').count();
            let mut seen = 0;
            for c in line.chars() {
                if c == '`' {
                    seen += 1;
                    if inside || seen < ticks || ticks % 2 == 0 {
                        inside = !inside;
                    }
                    out.push(' ');
                } else if inside && c != '\n' {
                    out.push(' ');
                } else {
                    out.push(c);
                }
            }
            out
        })
        .collect()
}

/// The figures of `chapter` that `run` does not hold, as messages naming the chapter, the line
/// and the figure.
fn unheld(chapter_name: &str, chapter: &str, lesson: &str, run: &Run) -> Vec<String> {
    let text = claims(chapter);
    figures(&text)
        .into_iter()
        .filter(|figure| !run.holds(figure))
        .map(|figure| {
            let line = text[..figure.at].matches('\n').count() + 1;
            format!(
                "{chapter_name}:{line}: `{}` is in no recorded run of {lesson}: quote the run's \
                 own figure, or mark a figure quoted from the Python tutorials as <q>...</q>",
                figure.text
            )
        })
        .collect()
}

/// The recorded output of a lesson: every `output/*.txt`, `None` if it has no `run.txt`.
fn recorded(lesson: &Path) -> Option<String> {
    let output = lesson.join("output");
    if !output.join("run.txt").is_file() {
        return None;
    }
    let mut files: Vec<PathBuf> = fs::read_dir(&output)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    Some(
        files
            .iter()
            .filter_map(|p| fs::read_to_string(p).ok())
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

fn chapters() -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = fs::read_dir(root().join("book"))
        .expect("book/ is readable")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".md") && name != "SUMMARY.md")
        .map(|name| {
            let text = fs::read_to_string(root().join("book").join(&name)).expect("UTF-8");
            (name, text)
        })
        .collect();
    found.sort();
    found
}

fn lesson_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(root().join("lessons"))
        .expect("lessons/ is readable")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("lesson-"))
        })
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn every_figure_in_a_chapter_is_in_its_lessons_recorded_run() {
    let every_run: String = lesson_dirs()
        .iter()
        .filter_map(|dir| recorded(dir))
        .collect::<Vec<_>>()
        .join("\n");
    let mut problems = Vec::new();
    for (name, text) in chapters() {
        let number: String = name.chars().take_while(char::is_ascii_digit).collect();
        let chapter_name = format!("book/{name}");
        if number.is_empty() {
            let run = Run::new(&every_run);
            problems.extend(unheld(&chapter_name, &text, "any lesson", &run));
            continue;
        }
        let lesson = format!("lesson-{number}");
        let Some(output) = recorded(&root().join("lessons").join(&lesson)) else {
            problems.push(format!(
                "{chapter_name}: lessons/{lesson}/output/run.txt does not exist: record the \
                 lesson's run with `scripts/record-output {lesson}` (the chapter's figures are \
                 checked against it)"
            ));
            continue;
        };
        problems.extend(unheld(&chapter_name, &text, &lesson, &Run::new(&output)));
    }
    assert!(
        problems.is_empty(),
        "figures that no recorded run produced:\n{}",
        problems.join("\n")
    );
}

#[test]
fn recorded_runs_and_pasted_output_fit_the_page() {
    let mut problems = Vec::new();
    let mut wide = |place: String, line: &str| {
        let width = line.chars().count();
        if width > PAGE_COLUMNS {
            problems.push(format!(
                "{place}: {width} columns, more than the page's {PAGE_COLUMNS}: {line}"
            ));
        }
    };
    for dir in lesson_dirs() {
        let run = dir.join("output/run.txt");
        let Ok(text) = fs::read_to_string(&run) else {
            continue;
        };
        let place = run
            .strip_prefix(root())
            .unwrap_or(&run)
            .display()
            .to_string();
        for (number, line) in text.lines().enumerate() {
            wide(format!("{place}:{}", number + 1), line);
        }
    }
    for (name, text) in chapters() {
        let mut output = false;
        for (number, line) in text.lines().enumerate() {
            if let Some(info) = line.trim_start().strip_prefix("```") {
                output = !output && matches!(info.trim(), "text" | "console");
                continue;
            }
            if output {
                wide(format!("book/{name}:{}", number + 1), line);
            }
        }
    }
    assert!(
        problems.is_empty(),
        "lines a reader would scroll sideways for (record with scripts/record-output, which \
         sets COLUMNS=78, or wrap the pasted output):\n{}",
        problems.join("\n")
    );
}

/// The lines a chapter's `{{#include FILE:ANCHOR}}` shows, as mdBook 0.5 renders them: those
/// between `ANCHOR: name` and `ANCHOR_END: name`, without any anchor line, with the indentation
/// they all share removed. A whole-file include (no anchor) shows every line.
fn included_lines(source: &str, anchor: Option<&str>) -> Vec<String> {
    let is_mark = |line: &str, mark: &str| {
        line.split_once(mark)
            .is_some_and(|(_, name)| Some(name.trim()) == anchor)
    };
    let mut inside = anchor.is_none();
    let mut lines = Vec::new();
    for line in source.lines() {
        if anchor.is_some() && is_mark(line, "ANCHOR_END:") {
            inside = false;
        } else if anchor.is_some() && is_mark(line, "ANCHOR:") {
            inside = true;
        } else if inside && !line.contains("ANCHOR:") && !line.contains("ANCHOR_END:") {
            lines.push(line);
        }
    }
    let indent = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    lines
        .iter()
        .map(|l| l.get(indent..).unwrap_or("").to_owned())
        .collect()
}

#[test]
fn included_code_fits_the_page() {
    let mut problems = Vec::new();
    for (name, text) in chapters() {
        let mut in_code = false;
        for (number, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("```") {
                in_code = !in_code;
                continue;
            }
            // An include outside a code block is a picture (an SVG timeline), not code.
            let Some(directive) = line.trim().strip_prefix("{{#include ") else {
                continue;
            };
            if !in_code {
                continue;
            }
            let target = directive.trim_end_matches("}}").trim();
            let (file, anchor) = match target.split_once(':') {
                Some((file, anchor)) => (file, Some(anchor)),
                None => (target, None),
            };
            let path = root().join("book").join(file);
            let Ok(source) = fs::read_to_string(&path) else {
                continue; // tests/book.rs reports a missing file
            };
            for (at, shown) in included_lines(&source, anchor).iter().enumerate() {
                let width = shown.chars().count();
                if width > PAGE_COLUMNS {
                    problems.push(format!(
                        "book/{name}:{} includes {file}:{} (line {} of what it shows), \
                         {width} columns, more than the page's {PAGE_COLUMNS}: {}",
                        number + 1,
                        anchor.unwrap_or("(whole file)"),
                        at + 1,
                        shown.trim()
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "included lines a reader would scroll sideways for (rustfmt keeps code within 100 \
         columns; wrap the comment by hand):\n{}",
        problems.join("\n")
    );
}

#[cfg(test)]
mod scanner {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        figures(text).into_iter().map(|f| f.text).collect()
    }

    #[test]
    fn an_include_shows_its_anchors_lines_dedented_without_marks() {
        let source = "fn outside() {}\n\
                      // ANCHOR: outer\n\
                      mod m {\n\
                      \x20   // ANCHOR: inner\n\
                      \x20   fn inner() {}\n\
                      \x20   // ANCHOR_END: inner\n\
                      }\n\
                      // ANCHOR_END: outer\n";
        assert_eq!(included_lines(source, Some("inner")), ["fn inner() {}"]);
        assert_eq!(
            included_lines(source, Some("outer")),
            ["mod m {", "    fn inner() {}", "}"]
        );
        assert_eq!(included_lines(source, None).len(), 4); // no anchor line
        assert!(included_lines(source, Some("innerer")).is_empty());
    }

    #[test]
    fn finds_each_kind_of_figure() {
        assert_eq!(
            texts("took 1.50 s, then 0.69s and 501 ms; 86 µs or 12 us, 0.999 ns per step"),
            ["1.50 s", "0.69s", "501 ms", "86 µs", "12 us", "0.999 ns"]
        );
        assert_eq!(
            texts("a 2.05x speedup, up to 2x, 3.002 times the ideal, 2 times over, 4×"),
            ["2.05x", "2x", "3.002 times", "4×"]
        );
        assert_eq!(texts("lost 23.6% and 71 %"), ["23.6%", "71 %"]);
        assert_eq!(
            texts("9.19 kB each, 12 bytes, 120M terms, 4 MB"),
            ["9.19 kB", "12 bytes", "120M", "4 MB"]
        );
        assert_eq!(
            texts("in 7 of 10 runs, 20,000 of\n  20,000 transfers"),
            ["7 of 10", "20,000 of 20,000"]
        );
    }

    #[test]
    fn versions_names_and_plain_counts_are_not_figures() {
        assert!(
            texts(
                "CPython 3.11.7, PEP 703, E0277, lesson-03, 4 threads, 2 cores, 1280 px, 5 seconds"
            )
            .is_empty()
        );
        assert!(texts("in 2 steps, 4 slices, the 3's, 1..=1,000,000").is_empty());
    }

    #[test]
    fn code_quotes_and_includes_are_not_claims() {
        let chapter = "\
The tutorial says <q>about 2 s</q>.
`Duration::from_millis(8)` and `1.5 s` are code.
```python
time.sleep(0.2)  # about 0.2 s
```
```rust
// 3 ms
```
{{#include ../lessons/lesson-01/output/run.txt}}
<!-- 9 ms -->
";
        assert!(figures(&claims(chapter)).is_empty(), "{}", claims(chapter));
        assert_eq!(texts(&claims("```text\ntook 4.0 ms\n```\n")), ["4.0 ms"]);
    }

    #[test]
    fn a_planted_figure_is_named_with_its_chapter_and_line() {
        let run = Run::new(
            "run took 1.50 s\n│ threads   501 ms   2.998 │\nracy: 7 of 10 runs lost updates\n",
        );
        let chapter = "\
# 01. Why concurrency

The waits added up to 1.50 s; threads took 501 ms, a 2.998x speedup,
and 7 of
10 runs lost updates. The tutorial says <q>about 6 s</q>.
Planted: it took 1.37 s.
";
        let problems = unheld("book/01-why-concurrency.md", chapter, "lesson-01", &run);
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert!(
            problems[0].starts_with(
                "book/01-why-concurrency.md:6: `1.37 s` is in no recorded run of lesson-01"
            ),
            "{}",
            problems[0]
        );
        // The same number with another unit is another figure.
        assert_eq!(
            unheld("c.md", "it took 1.50 ms", "lesson-01", &run).len(),
            1
        );
        assert_eq!(
            unheld("c.md", "in 7 of 12 runs", "lesson-01", &run).len(),
            1
        );
    }
}
