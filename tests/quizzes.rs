//! The chapters' quizzes (`book/quizzes/*.toml`, read by mdbook-quiz) and the proof of their
//! answer keys.
//!
//! - "**Which outputs are possible?**": `build.rs` copies each such question's program, as the
//!   reader sees it, into a module of this test, where `std::sync` and `std::thread` mean loom's
//!   (the `sync` and `thread` modules below) and `println!` appends to a buffer behind a loom
//!   lock (stdout is a lock too). Loom runs `main` through every interleaving, the outputs are
//!   collected into a set, and the set must equal the quiz's correct answers: an answer loom never
//!   produced, or an output loom found that the quiz marks wrong, fails this test.
//! - "**Does this compile?**": `build.rs` makes each program a doctest of the root package
//!   (`compile_fail,E0XXX` or `no_run`, from the quiz's answer), so `cargo test --doc` proves the
//!   verdict. Stable rustdoc ignores the error code of a `compile_fail` block (it checks it on
//!   nightly only), so this test also runs rustc on each program and wants the code the quiz
//!   names among the errors rustc reports.
//! - The chapters' own `compile_fail,E0XXX` blocks get the same rustc check: each must fail with
//!   the code it names.
//! - And the rules every quiz keeps: every numbered chapter ends with its quiz, 3 to 6
//!   questions, each with an explanation; loom programs use only what loom models exactly.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// What `std::sync` means in a quiz's program here: loom's types.
#[allow(unused_imports)]
mod sync {
    pub use loom::sync::*;
}

/// What `std::thread` means in a quiz's program here.
#[allow(unused_imports)]
mod thread {
    pub use loom::thread::*;
}

/// The programs' standard output: one string per execution, behind a loom lock, so that each
/// `println!` is a step loom can order against the other threads' steps, as stdout's lock is.
mod stdout {
    loom::lazy_static! {
        static ref OUT: loom::sync::Mutex<String> = loom::sync::Mutex::new(String::new());
    }

    pub fn write(text: &str) {
        OUT.lock().unwrap().push_str(text);
    }

    /// What this execution printed, its lines joined by single spaces (as the quizzes show it).
    pub fn take() -> String {
        let text = std::mem::take(&mut *OUT.lock().unwrap());
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    macro_rules! println {
        () => { $crate::stdout::write("\n") };
        ($($arg:tt)*) => { $crate::stdout::write(&format!("{}\n", format_args!($($arg)*))) };
    }
    #[allow(unused_macros)]
    macro_rules! print {
        ($($arg:tt)*) => { $crate::stdout::write(&format!($($arg)*)) };
    }
    pub(crate) use {print, println};
}

/// A "which outputs are possible?" question, as `build.rs` found it.
struct Program {
    place: &'static str,
    source: &'static str,
    answers: &'static [&'static str],
    distractors: &'static [&'static str],
    /// Whether `answer.answer` is a list (checkboxes) rather than one string (radio buttons).
    listed: bool,
    main: fn(),
}

/// A "does this compile?" question: its program, and the quiz's verdict.
struct Compile {
    place: &'static str,
    source: &'static str,
    compiles: bool,
    /// The error code the quiz's answer names, if any.
    code: Option<&'static str>,
}

mod programs {
    use super::{Compile, Program};
    include!(concat!(env!("OUT_DIR"), "/quiz_programs.rs"));
}

/// `` `1 2` `` -> `1 2`: the quizzes write each output as inline code.
fn output(option: &str) -> String {
    option.trim().trim_matches('`').trim().to_owned()
}

/// Every output of `main`, through every interleaving loom can make of it.
fn enumerate(main: fn()) -> (BTreeSet<String>, usize) {
    let seen = std::sync::Arc::new(std::sync::Mutex::new((BTreeSet::new(), 0_usize)));
    let mut builder = loom::model::Builder::new();
    // Exhaustive whatever LOOM_* variables say: a bound would leave outputs out.
    builder.preemption_bound = None;
    builder.max_branches = 100_000;
    let inside = seen.clone();
    builder.check(move || {
        main();
        let printed = stdout::take();
        let mut seen = inside.lock().unwrap();
        seen.0.insert(printed);
        seen.1 += 1;
    });
    let seen = seen.lock().unwrap();
    (seen.0.clone(), seen.1)
}

#[test]
fn possible_outputs_are_exactly_the_quizzes_answers() {
    let mut problems = Vec::new();
    assert!(
        !programs::PROGRAMS.is_empty(),
        "build.rs found no \"which outputs are possible?\" question"
    );
    for program in programs::PROGRAMS {
        // A panic in some interleaving is named here. (A deadlock aborts the whole process:
        // loom panics while unwinding; its backtrace names `quiz_NN_slug_question_M`.)
        let Ok((found, executions)) = std::panic::catch_unwind(|| enumerate(program.main)) else {
            problems.push(format!(
                "{}: the program panicked in some interleaving (loom's message is above); \
                 a \"which outputs are possible?\" program must always finish",
                program.place
            ));
            continue;
        };
        let marked: BTreeSet<String> = program.answers.iter().map(|a| output(a)).collect();
        let wrong: BTreeSet<String> = program.distractors.iter().map(|d| output(d)).collect();
        let missing: Vec<_> = found.difference(&marked).collect();
        let never: Vec<_> = marked.difference(&found).collect();
        if missing.is_empty() && never.is_empty() {
            println!(
                "{}: {} possible outputs in {executions} interleavings, as the quiz says",
                program.place,
                found.len()
            );
            continue;
        }
        let mut problem = format!(
            "{}: loom ran every interleaving ({executions}) and found the outputs {found:?}; \
             the quiz marks {marked:?} as the possible ones.",
            program.place
        );
        for output in missing {
            let listed = if wrong.contains(output) {
                "it is listed as a distractor"
            } else {
                "it is not listed at all"
            };
            problem += &format!(" `{output}` is possible but not in answer.answer ({listed}).");
        }
        for output in never {
            problem += &format!(" `{output}` is marked correct but no interleaving prints it.");
        }
        problems.push(problem);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn loom_programs_use_only_what_loom_models_exactly() {
    // Loom does not model every weak-memory behaviour (load buffering), nor scoped threads or
    // barriers: the programs keep to SeqCst atomics, Mutex, Arc, channels, spawn and join.
    let mut problems = Vec::new();
    for program in programs::PROGRAMS {
        for refused in [
            "Relaxed", "Acquire", "Release", "AcqRel", "scope", "Barrier", "std::{",
        ] {
            if program.source.contains(refused) {
                problems.push(format!(
                    "{}: the program uses `{refused}`, which loom does not model exactly here \
                     (import `std::sync` and `std::thread` items by their full path)",
                    program.place
                ));
            }
        }
        if !program.listed {
            problems.push(format!(
                "{}: write answer.answer as a list, even for one output: a single string \
                 shows radio buttons, which tell the reader that exactly one is possible",
                program.place
            ));
        }
        let options: Vec<String> = program
            .answers
            .iter()
            .chain(program.distractors)
            .map(|o| output(o))
            .collect();
        let unique: BTreeSet<&String> = options.iter().collect();
        if unique.len() != options.len() {
            problems.push(format!("{}: an output is listed twice", program.place));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The numbered chapters, `book/NN-slug.md`, with their text.
fn numbered_chapters() -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = fs::read_dir(root().join("book"))
        .expect("book/ is readable")
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| {
            name.ends_with(".md")
                && name.len() > 3
                && name.as_bytes()[..2].iter().all(u8::is_ascii_digit)
                && name.as_bytes()[2] == b'-'
        })
        .map(|name| {
            let text = fs::read_to_string(root().join("book").join(&name)).expect("readable");
            (name, text)
        })
        .collect();
    found.sort();
    found
}

fn quiz(path: &Path) -> toml::Table {
    let text = fs::read_to_string(path).unwrap_or_else(|_| panic!("no {}", path.display()));
    text.parse()
        .unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", path.display()))
}

#[test]
fn every_numbered_chapter_ends_with_a_quiz_of_three_to_six_explained_questions() {
    let mut problems = Vec::new();
    let mut ids = BTreeSet::new();
    for (chapter, text) in numbered_chapters() {
        let stem = chapter.trim_end_matches(".md");
        let directive = format!("{{{{#quiz quizzes/{stem}.toml}}}}");
        if !text.contains(&directive) {
            problems.push(format!(
                "book/{chapter} has no quiz: write book/quizzes/{stem}.toml and end the chapter \
                 with `## Quiz` and {directive}"
            ));
            continue;
        }
        let path = root().join("book/quizzes").join(format!("{stem}.toml"));
        let questions = quiz(&path)
            .get("questions")
            .and_then(|q| q.as_array())
            .cloned()
            .unwrap_or_default();
        if !(3..=6).contains(&questions.len()) {
            problems.push(format!(
                "book/quizzes/{stem}.toml has {} questions; a chapter's quiz has 3 to 6",
                questions.len()
            ));
        }
        for (index, question) in questions.iter().enumerate() {
            let place = format!("book/quizzes/{stem}.toml, question {}", index + 1);
            match question.get("id").and_then(|id| id.as_str()) {
                // mdbook-quiz writes an id into each new question when the book is built; the
                // ids are committed, so a reader's saved answers survive an edit elsewhere.
                None => problems.push(format!("{place} has no id: run `mdbook build` and commit")),
                Some(id) if !ids.insert(id.to_owned()) => {
                    problems.push(format!("{place}: id {id} is used twice"));
                }
                Some(_) => {}
            }
            let context = question.get("context").and_then(|c| c.as_str());
            if context.is_none_or(|c| c.trim().len() < 40) {
                problems.push(format!("{place} has no explanation (`context`) saying why"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The crates a quiz's program may use besides std, and a program that compiles only with a
/// build of the crate that has the features the quizzes use.
const CRATES: &[(&str, &str)] = &[
    (
        "tokio",
        "#[tokio::main]\nasync fn main() { tokio::spawn(async {}).await.unwrap(); }\n",
    ),
    (
        "rayon",
        "use rayon::prelude::*;\nfn main() { let _: u64 = [1_u64].par_iter().sum(); }\n",
    ),
];

/// Where a test writes its programs for rustc: a folder of this process's and this test's own.
fn scratch(test: &str) -> PathBuf {
    std::env::temp_dir().join(format!("workbook-{test}-{}", std::process::id()))
}

/// What rustc says of `source`, written in `dir`: whether it compiled, and the error codes it
/// reported.
fn rustc(dir: &Path, source: &str, name: &str, externs: &[String]) -> (bool, BTreeSet<String>) {
    fs::create_dir_all(dir).expect("a temporary folder");
    let file = dir.join(format!("{name}.rs"));
    fs::write(&file, source).expect("a temporary file");
    let deps = std::env::current_exe().expect("the test binary");
    let deps = deps.parent().expect("target/debug/deps");
    let mut command = std::process::Command::new(std::env::var("RUSTC").unwrap_or("rustc".into()));
    command
        .args([
            "--edition",
            "2024",
            "--crate-type",
            "bin",
            "--emit",
            "metadata",
        ])
        .args(["--error-format", "json", "--crate-name", name, "-o"])
        .arg(dir.join(format!("{name}.rmeta")))
        .arg("-L")
        .arg(format!("dependency={}", deps.display()))
        .arg(&file);
    for extern_ in externs {
        command.args(["--extern", extern_]);
    }
    let output = command.output().expect("rustc runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let codes = stderr
        .split("\"code\":{\"code\":\"")
        .skip(1)
        .filter_map(|rest| rest.get(..5))
        .map(str::to_owned)
        .collect();
    (output.status.success(), codes)
}

/// `--extern` arguments for the crates the quizzes' programs use: for each, the newest build
/// beside this test whose probe program compiles (a shared target folder may also hold builds
/// of the crate with other features).
fn externs(sources: &[&str]) -> Vec<(&'static str, String)> {
    let deps = std::env::current_exe().expect("the test binary");
    let deps = deps.parent().expect("target/debug/deps");
    let mut externs = Vec::new();
    for (krate, probe) in CRATES {
        if !sources
            .iter()
            .any(|source| source.contains(&format!("{krate}::")))
        {
            continue;
        }
        let mut builds: Vec<(std::time::SystemTime, PathBuf)> = fs::read_dir(deps)
            .expect("target/debug/deps is readable")
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| {
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                name.starts_with(&format!("lib{krate}-")) && name.ends_with(".rlib")
            })
            .filter_map(|path| Some((path.metadata().ok()?.modified().ok()?, path)))
            .collect();
        builds.sort();
        let found = builds.into_iter().rev().find_map(|(_, path)| {
            let extern_ = format!("{krate}={}", path.display());
            let probe_name = format!("probe_{krate}");
            rustc(
                &scratch("probes"),
                probe,
                &probe_name,
                std::slice::from_ref(&extern_),
            )
            .0
            .then_some(extern_)
        });
        externs.push((
            *krate,
            found.unwrap_or_else(|| {
                panic!(
                    "no build of `{krate}` beside {} compiles its probe",
                    deps.display()
                )
            }),
        ));
    }
    externs
}

#[test]
fn compile_verdicts_and_error_codes_are_the_compilers() {
    assert!(
        !programs::COMPILES.is_empty(),
        "build.rs found no \"does this compile?\" question"
    );
    let sources: Vec<&str> = programs::COMPILES.iter().map(|q| q.source).collect();
    let externs = externs(&sources);
    let dir = scratch("quizzes");
    let problems: Vec<String> = std::thread::scope(|scope| {
        let checks: Vec<_> = programs::COMPILES
            .iter()
            .enumerate()
            .map(|(index, question)| {
                let dir = &dir;
                let externs: Vec<String> = externs
                    .iter()
                    .filter(|(krate, _)| question.source.contains(&format!("{krate}::")))
                    .map(|(_, extern_)| extern_.clone())
                    .collect();
                scope.spawn(move || {
                    let name = format!("quiz_program_{index}");
                    let (compiled, codes) = rustc(dir, question.source, &name, &externs);
                    let said = match (question.compiles, question.code) {
                        (true, _) => "compiles".to_owned(),
                        (false, Some(code)) => format!("fails with {code}"),
                        (false, None) => "fails".to_owned(),
                    };
                    let right = match (question.compiles, question.code) {
                        (true, _) => compiled,
                        (false, Some(code)) => !compiled && codes.contains(code),
                        (false, None) => !compiled,
                    };
                    let saw = if compiled {
                        "it compiles".to_owned()
                    } else {
                        format!("it fails with {codes:?}")
                    };
                    (!right).then(|| {
                        format!(
                            "{}: the quiz says the program {said}; rustc says {saw}",
                            question.place
                        )
                    })
                })
            })
            .collect();
        checks
            .into_iter()
            .filter_map(|check| check.join().expect("the check does not panic"))
            .collect()
    });
    let _ = fs::remove_dir_all(dir);
    let _ = fs::remove_dir_all(scratch("probes"));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Each ```` ```rust,compile_fail,E0XXX ```` block of a chapter, as rustdoc compiles it: hidden
/// lines (`# `) shown, and the whole wrapped in `fn main` unless it has one. With the chapter's
/// name and the block's first line, and the code it names.
fn compile_fail_blocks() -> Vec<(String, String, String)> {
    let mut blocks = Vec::new();
    for (name, text) in numbered_chapters() {
        let mut lines = text.lines().enumerate();
        while let Some((number, line)) = lines.next() {
            let Some(code) = line
                .strip_prefix("```rust,compile_fail,")
                .filter(|code| code.len() == 5 && code.starts_with('E'))
            else {
                continue;
            };
            let body: Vec<String> = lines
                .by_ref()
                .map(|(_, line)| line)
                .take_while(|line| !line.starts_with("```"))
                .map(|line| match line.strip_prefix('#') {
                    Some(rest) if rest.is_empty() || rest.starts_with(' ') => {
                        rest.trim_start_matches(' ').to_owned()
                    }
                    _ => line.to_owned(),
                })
                .collect();
            let body = body.join("\n");
            let source = if body.contains("fn main") {
                body
            } else {
                format!("fn main() {{\n{body}\n}}\n")
            };
            blocks.push((
                format!("book/{name}:{}", number + 1),
                code.to_owned(),
                source,
            ));
        }
    }
    blocks
}

#[test]
fn the_chapters_compile_fail_blocks_fail_with_the_code_they_name() {
    // Stable rustdoc proves that a `compile_fail` block fails, not that it fails for the reason
    // the chapter names: rustc is asked here, as for the quizzes.
    let blocks = compile_fail_blocks();
    assert!(
        blocks.len() >= 5,
        "only {} compile_fail blocks with a code found in the chapters",
        blocks.len()
    );
    let dir = scratch("chapters");
    let problems: Vec<String> = blocks
        .iter()
        .enumerate()
        .filter_map(|(index, (place, code, source))| {
            let (compiled, codes) = rustc(&dir, source, &format!("chapter_block_{index}"), &[]);
            let saw = if compiled {
                "it compiles".to_owned()
            } else {
                format!("it fails with {codes:?}")
            };
            (compiled || !codes.contains(code))
                .then(|| format!("{place}: the block says it fails with {code}; rustc says {saw}"))
        })
        .collect();
    let _ = fs::remove_dir_all(dir);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
