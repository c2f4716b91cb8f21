//! Turns every markdown file under `book/` into a doc comment on an empty module, so that
//! `cargo test` runs each Rust snippet of the book as a rustdoc doctest (edition 2024, with
//! `compile_fail`, `should_panic`, `no_run`, `ignore` and hidden `# ` lines). Files are found,
//! not listed, so a new chapter cannot be left untested.
//!
//! It also reads the chapters' quizzes (`book/quizzes/*.toml`, mdbook-quiz's format) and turns
//! the questions whose answers a machine can prove into tests, from the program text the reader
//! sees (so the two cannot drift apart):
//!
//! - "**Does this compile?**": the question's program becomes a doctest, ```` ```rust,no_run ````
//!   when the correct answer starts with "Yes", ```` ```rust,compile_fail,E0XXX ```` when it
//!   starts with "No" (with the first error code the answer names), so rustdoc fails when the
//!   quiz's verdict is not the compiler's; and into `COMPILES` in `quiz_programs.rs`, where
//!   `tests/quizzes.rs` asks rustc for the error codes (stable rustdoc does not check them).
//! - "**Which outputs are possible?**": the program is written into `quiz_programs.rs`, which
//!   `tests/quizzes.rs` runs under loom, through every interleaving, with `std::sync` and
//!   `std::thread` meaning loom's and `println!` writing to a buffer (a loom lock, as stdout is
//!   one); the test compares the outputs loom found with the quiz's correct answers.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    let root =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let book = root.join("book");
    println!("cargo::rerun-if-changed={}", book.display());

    let mut files = Vec::new();
    collect_markdown(&book, &mut files);
    files.sort();

    let mut out = String::new();
    for file in &files {
        // Directories are watched for added files; each file for its own edits.
        println!("cargo::rerun-if-changed={}", file.display());
        let relative = file.strip_prefix(&book).unwrap_or(file);
        let _ = writeln!(
            out,
            "#[doc = include_str!({path:?})]\n#[allow(dead_code)]\nmod {name} {{}}\n",
            path = file.display().to_string(),
            name = module_name(relative),
        );
    }
    let quizzes = quizzes::Found::read(&book.join("quizzes"));
    out.push_str(&quizzes.doctests);
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out_dir.join("book_doctests.rs"), out).expect("OUT_DIR is writable");
    fs::write(out_dir.join("quiz_programs.rs"), quizzes.programs).expect("OUT_DIR is writable");
}

mod quizzes {
    //! The proven questions of `book/quizzes/*.toml`, as doctests and loom programs.

    use std::fmt::Write as _;
    use std::fs;
    use std::path::{Path, PathBuf};

    /// The lead of a question whose program loom runs through every interleaving.
    pub const OUTPUTS: &str = "**Which outputs are possible?**";
    /// The lead of a question whose program the compiler judges.
    pub const COMPILES: &str = "**Does this compile?**";

    #[derive(Default)]
    pub struct Found {
        /// Doc comments on empty modules, one per "does this compile?" question.
        pub doctests: String,
        /// A module per "which outputs are possible?" program, and `PROGRAMS`, their table;
        /// `COMPILES`, the "does this compile?" programs with the quiz's verdict.
        pub programs: String,
    }

    impl Found {
        pub fn read(dir: &Path) -> Found {
            println!("cargo::rerun-if-changed={}", dir.display());
            let mut files: Vec<PathBuf> = fs::read_dir(dir)
                .map(|entries| entries.flatten().map(|e| e.path()).collect())
                .unwrap_or_default();
            files.retain(|path| path.extension().is_some_and(|ext| ext == "toml"));
            files.sort();
            let mut found = Found::default();
            let mut table = String::new();
            let mut compiles = String::new();
            for file in &files {
                println!("cargo::rerun-if-changed={}", file.display());
                let stem = file.file_stem().unwrap_or_default().to_string_lossy();
                let shown = format!("book/quizzes/{stem}.toml");
                let text = fs::read_to_string(file).expect("quiz files are UTF-8");
                let quiz: toml::Table = text
                    .parse()
                    .unwrap_or_else(|e| panic!("{shown} is not valid TOML: {e}"));
                let questions = quiz.get("questions").and_then(|q| q.as_array());
                for (index, question) in questions.into_iter().flatten().enumerate() {
                    let number = index + 1;
                    let name = format!("quiz_{}_question_{number}", super::ident(&stem));
                    let place = format!("{shown}, question {number}");
                    let get = |path: &[&str]| {
                        let mut value = question;
                        for key in path {
                            value = value.get(key)?;
                        }
                        Some(value)
                    };
                    let prompt = get(&["prompt", "prompt"])
                        .and_then(|p| p.as_str())
                        .unwrap_or("");
                    let strings = |path: &[&str]| -> Vec<String> {
                        match get(path) {
                            Some(toml::Value::String(one)) => vec![one.clone()],
                            Some(toml::Value::Array(many)) => many
                                .iter()
                                .map(|v| v.as_str().unwrap_or_default().to_owned())
                                .collect(),
                            _ => Vec::new(),
                        }
                    };
                    let answers = strings(&["answer", "answer"]);
                    let distractors = strings(&["prompt", "distractors"]);
                    if prompt.starts_with(COMPILES) {
                        let program = program(prompt, &place);
                        let verdict = compile_verdict(&answers, &place);
                        let _ = writeln!(
                            found.doctests,
                            "/// {place}: the quiz says {verdict:?}; rustdoc checks it.\n///\n\
                             #[doc = {fence:?}]\n#[allow(dead_code)]\nmod {name} {{}}\n",
                            fence = format!("```rust,{verdict}\n{program}\n```"),
                        );
                        // rustdoc checks a `compile_fail` block's error code on nightly only, so
                        // tests/quizzes.rs also asks rustc which codes it reports.
                        let code = verdict.strip_prefix("compile_fail,");
                        let _ = writeln!(
                            compiles,
                            "    Compile {{ place: {place:?}, source: {program:?}, \
                             compiles: {compiles_ok:?}, code: {code:?} }},",
                            compiles_ok = verdict == "no_run",
                        );
                    } else if prompt.starts_with(OUTPUTS) {
                        let program = program(prompt, &place);
                        let loom_program = program
                            .replace("std::sync", "crate::sync")
                            .replace("std::thread", "crate::thread");
                        let _ = writeln!(
                            found.programs,
                            "/// {place}\n#[allow(unused_imports, clippy::all)]\npub mod {name} {{\n\
                             use crate::stdout::{{print, println}};\n{loom_program}\n\
                             pub fn run() {{ main() }}\n}}\n"
                        );
                        let _ = writeln!(
                            table,
                            "    Program {{ place: {place:?}, source: {program:?}, \
                             answers: &{answers:?}, distractors: &{distractors:?}, \
                             listed: {listed}, main: {name}::run }},",
                            listed = get(&["answer", "answer"]).is_some_and(|a| a.is_array()),
                        );
                    }
                }
            }
            let _ = writeln!(
                found.programs,
                "pub const PROGRAMS: &[Program] = &[\n{table}];\n\
                 pub const COMPILES: &[Compile] = &[\n{compiles}];"
            );
            found
        }
    }

    /// The first ```` ```rust ```` block of a prompt: the program the reader sees.
    fn program(prompt: &str, place: &str) -> String {
        let mut lines = prompt
            .lines()
            .skip_while(|line| line.trim() != "```rust")
            .skip(1);
        let mut program = String::new();
        for line in lines.by_ref() {
            if line.trim() == "```" {
                return program;
            }
            program.push_str(line);
            program.push('\n');
        }
        panic!("{place}: the prompt has no ```rust ... ``` block for its program");
    }

    /// `no_run` for "Yes...", `compile_fail,E0XXX` for "No..." naming E0XXX.
    fn compile_verdict(answers: &[String], place: &str) -> String {
        let [answer] = answers else {
            panic!("{place}: a \"does this compile?\" question has one correct answer");
        };
        let answer = answer.trim_start_matches(['*', '_']);
        if answer.starts_with("Yes") {
            return "no_run".to_owned();
        }
        assert!(
            answer.starts_with("No"),
            "{place}: the correct answer must start with \"Yes\" or \"No\", not {answer:?}"
        );
        let code = answer.char_indices().find_map(|(at, ch)| {
            let code = answer.get(at..at + 5)?;
            (ch == 'E' && code[1..].chars().all(|c| c.is_ascii_digit())).then_some(code)
        });
        match code {
            Some(code) => format!("compile_fail,{code}"),
            None => "compile_fail".to_owned(),
        }
    }
}

/// `03-race-conditions` becomes `03_race_conditions`.
fn ident(text: &str) -> String {
    text.chars()
        .map(|ch| {
            if ch.is_ascii_alphanumeric() {
                ch.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect()
}

fn collect_markdown(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    println!("cargo::rerun-if-changed={}", dir.display());
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_markdown(&path, files);
        } else if path.extension().is_some_and(|ext| ext == "md") {
            files.push(path);
        }
    }
}

/// `lesson-03/racy-counter.md` becomes `book_lesson_03_racy_counter_md`: a unique module name, and
/// the doctest names in `cargo test` output say which file a snippet came from.
fn module_name(relative: &Path) -> String {
    let mut name = String::from("book_");
    for ch in relative.to_string_lossy().chars() {
        name.push(if ch.is_ascii_alphanumeric() {
            ch.to_ascii_lowercase()
        } else {
            '_'
        });
    }
    name
}
