//! The book's promises that rustdoc cannot check: includes point at real files and anchors,
//! every chapter is in SUMMARY.md, every code fence names its language, and every lesson has a
//! chapter that shows its recorded run.
//!
//! Measured: mdbook 0.5.4 exits 0 on a missing include file and renders a missing anchor as an
//! empty block, so without this test a renamed anchor silently empties a chapter.

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every markdown file under `book/`, with its text.
fn chapters() -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, found: &mut Vec<(PathBuf, String)>) {
        for entry in fs::read_dir(dir).expect("book/ is readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|e| e == "md") {
                let text = fs::read_to_string(&path).expect("chapters are UTF-8");
                found.push((path, text));
            }
        }
    }
    let mut found = Vec::new();
    walk(&root().join("book"), &mut found);
    found.sort();
    found
}

fn lessons() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(root().join("lessons"))
        .expect("lessons/ is readable")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("lesson-"))
        .collect();
    names.sort();
    names
}

/// `{{#include path}}` and `{{#include path:anchor}}` directives, with their line numbers.
fn includes(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(start) = rest.find("{{#") {
            let after = &rest[start + 3..];
            let Some(end) = after.find("}}") else { break };
            found.push((number + 1, after[..end].trim().to_owned()));
            rest = &after[end + 2..];
        }
    }
    found
}

#[test]
fn every_include_names_an_existing_file_and_anchor() {
    let mut problems = Vec::new();
    for (chapter, text) in chapters() {
        let dir = chapter.parent().expect("a chapter is in a folder");
        for (line, directive) in includes(&text) {
            let place = format!("{}:{line}", chapter.strip_prefix(root()).unwrap().display());
            // A chapter's quiz (mdbook-quiz); tests/quizzes.rs checks its contents.
            if let Some(quiz) = directive.strip_prefix("quiz ") {
                if !dir.join(quiz.trim()).is_file() {
                    problems.push(format!("{place}: no quiz file {quiz}"));
                }
                continue;
            }
            let Some(target) = directive.strip_prefix("include ") else {
                problems.push(format!(
                    "{place}: only {{{{#include}}}} and {{{{#quiz}}}} are used, found {{{{#{directive}}}}}"
                ));
                continue;
            };
            let mut parts = target.trim().splitn(2, ':');
            let file = dir.join(parts.next().unwrap_or_default());
            let anchor = parts.next();
            let Ok(source) = fs::read_to_string(&file) else {
                problems.push(format!("{place}: no file {}", file.display()));
                continue;
            };
            match anchor {
                None => {}
                Some(anchor) if anchor.chars().next().is_some_and(|c| c.is_ascii_digit()) => {
                    problems.push(format!(
                        "{place}: `{anchor}` is a line range; include by ANCHOR name instead"
                    ));
                }
                Some(anchor) => {
                    for mark in [format!("ANCHOR: {anchor}"), format!("ANCHOR_END: {anchor}")] {
                        if !source.lines().any(|l| l.trim_end().ends_with(&mark)) {
                            problems.push(format!("{place}: {} has no `{mark}`", file.display()));
                        }
                    }
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "broken includes:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_chapter_is_in_the_summary_and_every_summary_link_exists() {
    let book = root().join("book");
    let summary = fs::read_to_string(book.join("SUMMARY.md")).expect("book/SUMMARY.md exists");
    let mut problems = Vec::new();
    for (chapter, _) in chapters() {
        let name = chapter
            .strip_prefix(&book)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if name != "SUMMARY.md" && !summary.contains(&format!("]({name})")) {
            problems.push(format!("book/{name} is not listed in book/SUMMARY.md"));
        }
    }
    for link in summary.split("](").skip(1) {
        let target = link.split(')').next().unwrap_or_default();
        if !book.join(target).is_file() {
            problems.push(format!(
                "SUMMARY.md links to {target}, which does not exist"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_code_fence_names_its_language() {
    // rustdoc compiles a fence with no language as Rust, so a bare fence around shell output
    // would become a failing doctest, and a bare fence around Rust would be easy to misread.
    let mut problems = Vec::new();
    for (chapter, text) in chapters() {
        let mut open = false;
        for (number, line) in text.lines().enumerate() {
            let trimmed = line.trim_start();
            if let Some(info) = trimmed.strip_prefix("```") {
                if !open && info.trim().is_empty() {
                    problems.push(format!("{}:{}", chapter.display(), number + 1));
                }
                open = !open;
            }
        }
    }
    assert!(
        problems.is_empty(),
        "code fences without a language:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_lesson_has_a_chapter_showing_its_code_and_recorded_run() {
    let chapters = chapters();
    let mut problems = Vec::new();
    for lesson in lessons() {
        let Some((chapter, text)) = chapters
            .iter()
            .find(|(_, text)| text.contains(&format!("cargo test -p {lesson}")))
        else {
            problems.push(format!(
                "no chapter tells the reader to run `cargo test -p {lesson}`"
            ));
            continue;
        };
        for needle in [
            format!("../lessons/{lesson}/src/lib.rs:"),
            format!("../lessons/{lesson}/output/run.txt"),
            format!("../lessons/{lesson}/output/timeline.svg"),
            "## Exercises".to_owned(),
            "<summary>Hint</summary>".to_owned(),
            "## Check".to_owned(),
        ] {
            if !text.contains(&needle) {
                problems.push(format!("{} does not contain `{needle}`", chapter.display()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
