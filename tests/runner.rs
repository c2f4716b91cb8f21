//! The runner, run against a small workbook in a temporary folder: one lesson whose exercise is
//! unsolved, solved, broken (compile error), panicking or deadlocked. The checks are real
//! `cargo test` builds of that lesson, as for the workbook's own lessons.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const SHIPPED: &str = r#"/// Exercise 1.1: add the numbers up.
pub fn total(numbers: &[u64]) -> u64 {
    // TODO: add them up.
    let _ = numbers;
    todo!("exercise 1.1 `total` in lessons/lesson-01/src/exercises/total.rs: add the numbers up")
}
"#;
const SOLVED: &str = "pub fn total(numbers: &[u64]) -> u64 {\n    numbers.iter().sum()\n}\n";
const BROKEN: &str = "pub fn total(numbers: &[u64]) -> u64 {\n    numbers.len() + \"one\"\n}\n";
const PANICS: &str = "pub fn total(_: &[u64]) -> u64 {\n    panic!(\"the abacus broke\")\n}\n";
// Deliberately deadlocked: waits for a message that never comes (its sender is still alive).
const HANGS: &str = "pub fn total(_: &[u64]) -> u64 {\n    let (_sender, receiver) = std::sync::mpsc::channel();\n    receiver.recv().unwrap()\n}\n";
// The catalogue of wrong answers: each names its mistake and the words its verdict must hold.
const WRONG: [(&str, &str); 3] = [
    (
        "hard-coded.rs",
        "// WRONG [hardcoded]: the answer to the example, whatever the numbers. => \"5 + 5\"\n\
         pub fn total(_: &[u64]) -> u64 {\n    6\n}\n",
    ),
    (
        "skips-the-first.rs",
        "// WRONG [result]: the first number is left out. => \"1 + 2 + 3\"\n\
         pub fn total(numbers: &[u64]) -> u64 {\n    numbers.iter().skip(1).sum()\n}\n",
    ),
    (
        "waits-forever.rs",
        "// WRONG [deadlock]: waits for a message that never comes. => \"timed out\"\n\
         pub fn total(_: &[u64]) -> u64 {\n    let (_sender, receiver) = std::sync::mpsc::channel();\n    \
         receiver.recv().unwrap()\n}\n",
    ),
];
const CHECKS: &str = "const EXERCISE: &str = \"exercise 1.1 `total` (lessons/lesson-01/src/exercises/total.rs)\";\n\
    #[test]\nfn exercise_1_1_total_adds_every_number() {\n    \
    assert_eq!(lesson_01::exercises::total(&[1, 2, 3]), 6, \"{EXERCISE}: 1 + 2 + 3\");\n}\n\
    #[test]\nfn exercise_1_1_total_reads_its_numbers() {\n    \
    assert_eq!(lesson_01::exercises::total(&[5, 5]), 10, \"{EXERCISE}: 5 + 5\");\n}\n";
const MODULE: &str = "mod total;\npub use total::total;\n";

/// A workbook with one lesson, in a fresh temporary folder under git (for `reset`).
struct Fixture {
    root: PathBuf,
}

impl Fixture {
    fn new(name: &str) -> Fixture {
        let root =
            std::env::temp_dir().join(format!("workbook-runner-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&root);
        let files = [
            (
                "Cargo.toml",
                "[workspace]\nmembers = [\"lessons/*\"]\nresolver = \"3\"\n",
            ),
            (
                "exercises.toml",
                "[[exercise]]\nid = \"1.1\"\nname = \"total\"\nlesson = \"lesson-01\"\n\
                 chapter = \"book/01-adding-up.md\"\nhint = \"Try `numbers.iter().sum()`.\"\n",
            ),
            ("book/01-adding-up.md", "# 01. Adding up\n"),
            (
                "lessons/lesson-01/Cargo.toml",
                "[package]\nname = \"lesson-01\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\
                 publish = false\n\n[features]\nsolutions = []\n",
            ),
            (
                "lessons/lesson-01/src/lib.rs",
                "#[cfg(not(feature = \"solutions\"))]\npub mod exercises;\n\
                 #[cfg(feature = \"solutions\")]\n#[path = \"solutions/mod.rs\"]\npub mod exercises;\n",
            ),
            ("lessons/lesson-01/src/exercises/mod.rs", MODULE),
            ("lessons/lesson-01/src/exercises/total.rs", SHIPPED),
            ("lessons/lesson-01/src/solutions/mod.rs", MODULE),
            ("lessons/lesson-01/src/solutions/total.rs", SOLVED),
            ("lessons/lesson-01/tests/exercises.rs", CHECKS),
            ("lessons/lesson-01/wrong/total/hard-coded.rs", WRONG[0].1),
            (
                "lessons/lesson-01/wrong/total/skips-the-first.rs",
                WRONG[1].1,
            ),
            ("lessons/lesson-01/wrong/total/waits-forever.rs", WRONG[2].1),
            (".gitignore", "/target\n/.workbook\n"),
        ];
        for (path, text) in files {
            let path = root.join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        for args in [
            &["init", "-q"][..],
            &["add", "-A"],
            &[
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@t",
                "commit",
                "-qm",
                "shipped",
            ],
        ] {
            let status = Command::new("git")
                .current_dir(&root)
                .args(args)
                .status()
                .unwrap();
            assert!(status.success(), "git {args:?}");
        }
        Fixture { root }
    }

    fn answer(&self, text: &str) {
        fs::write(
            self.root.join("lessons/lesson-01/src/exercises/total.rs"),
            text,
        )
        .unwrap();
    }

    /// Runs the runner at the fixture's root, with `keys` on its standard input.
    fn run(&self, args: &[&str], keys: &str) -> (String, String, i32) {
        run_in(&self.root, args, keys)
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

fn run_in(dir: &Path, args: &[&str], keys: &str) -> (String, String, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_workbook"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        // Each fixture builds in its own `target/`. A shared one (a CARGO_TARGET_DIR set for
        // the whole suite) would mix them up: every fixture's lesson-01 is the same package to
        // cargo (its paths are hashed relative to the workspace), so fixtures running at once
        // overwrite each other's check binaries (seen: `watch` ran the shipped `todo!` while
        // its fixture held the deadlocked answer).
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("CARGO_BUILD_TARGET_DIR")
        // And `verify` copies the fixture into its own `target/verify-scratch`, not a shared one.
        .env_remove("WORKBOOK_VERIFY_SCRATCH")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(keys.as_bytes())
        .unwrap();
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().unwrap();
    (
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
        status.code().unwrap_or(-1),
    )
}

#[test]
fn unsolved_exercise_fails_with_its_message_and_hint() {
    let fixture = Fixture::new("unsolved");
    let (out, _, code) = fixture.run(&["check"], "");
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("✗ 1.1  total") && out.contains("failing"),
        "{out}"
    );
    // `check` says why, not only "failing": the message, and the command that shows it all.
    assert!(
        out.contains("exercise 1.1 `total` in lessons/lesson-01/src/exercises/total.rs"),
        "{out}"
    );
    assert!(
        out.contains("all of it: cargo test -p lesson-01 --test exercises exercise_1_1_"),
        "{out}"
    );
    let (out, _, code) = fixture.run(&["watch"], "h\nn\nq\n");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Checking lesson-01: 1.1 total..."), "{out}");
    assert!(
        out.contains("exercise 1.1 `total` in lessons/lesson-01/src/exercises/total.rs"),
        "{out}"
    );
    assert!(
        out.contains("Try `numbers.iter().sum()`."),
        "hint on h: {out}"
    );
    assert!(out.contains("not done yet"), "n before it passes: {out}");
    assert!(
        !out.contains("solutions/"),
        "the solution is pointed to only after a pass: {out}"
    );
}

#[test]
fn solved_exercise_passes_and_points_to_the_reference() {
    let fixture = Fixture::new("solved");
    fixture.answer(SOLVED);
    let (out, _, code) = fixture.run(&["watch"], "q\n");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("✓ 1.1 total passes every check."), "{out}");
    assert!(
        out.contains("lessons/lesson-01/src/solutions/total.rs"),
        "{out}"
    );
    let (out, _, code) = fixture.run(&["check"], "");
    assert_eq!(code, 0, "{out}");
    let (out, _, _) = fixture.run(&[], "");
    assert!(out.contains("1 of 1 exercises done"), "{out}");
}

#[test]
fn compile_error_shows_the_first_error_with_its_place() {
    let fixture = Fixture::new("broken");
    fixture.answer(BROKEN);
    let (out, _, _) = fixture.run(&["watch"], "q\n");
    assert!(out.contains("lesson-01 does not compile"), "{out}");
    assert!(out.contains("error[E0"), "{out}");
    assert!(
        out.contains("lessons/lesson-01/src/exercises/total.rs:2"),
        "{out}"
    );
}

#[test]
fn panic_shows_the_panic_message() {
    let fixture = Fixture::new("panics");
    fixture.answer(PANICS);
    let (out, _, _) = fixture.run(&["watch"], "q\n");
    assert!(
        out.contains("2 of its checks failed") && out.contains("the abacus broke"),
        "{out}"
    );
}

#[test]
fn deadlock_times_out_and_says_so() {
    let fixture = Fixture::new("hangs");
    fixture.answer(HANGS);
    let (out, _, code) = fixture.run(&["--timeout", "3", "check"], "");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("timed out"), "{out}");
    let (out, _, _) = fixture.run(&["--timeout", "3", "watch"], "q\n");
    assert!(out.contains("timed out after 3 s"), "{out}");
    assert!(
        out.contains("exercise_1_1_total_adds_every_number, exercise_1_1_total_reads_its_numbers did not finish"),
        "{out}"
    );
    assert!(
        out.contains("waiting for a lock or a channel that never comes"),
        "{out}"
    );
}

#[test]
fn reset_restores_the_shipped_file_and_keeps_a_backup() {
    let fixture = Fixture::new("reset");
    fixture.answer(SOLVED);
    let (out, _, code) = fixture.run(&["reset", "total"], "n\n");
    assert_eq!(code, 1, "declining changes nothing: {out}");
    assert!(out.contains("Nothing was changed"), "{out}");
    let (out, _, code) = fixture.run(&["reset", "total", "--yes"], "");
    assert_eq!(code, 0, "{out}");
    let file = fixture
        .root
        .join("lessons/lesson-01/src/exercises/total.rs");
    assert_eq!(fs::read_to_string(file).unwrap(), SHIPPED);
    let backup = out
        .split("Your version is kept in ")
        .nth(1)
        .map(str::trim)
        .expect("the backup's path is printed");
    assert_eq!(fs::read_to_string(backup).unwrap(), SOLVED);
}

#[test]
fn verify_accepts_a_well_formed_lesson_and_proves_its_wrong_answers() {
    let fixture = Fixture::new("verify");
    let (out, _, code) = fixture.run(&["--timeout", "5", "verify"], "");
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("1 exercises in 1 lessons: each fails as shipped"),
        "{out}"
    );
    for (file, _) in WRONG {
        assert!(
            out.contains(&format!("{file} [")) && out.contains("fails for its reason"),
            "{file}: {out}"
        );
    }
    assert!(out.contains("3 catalogued wrong answers"), "{out}");
}

#[test]
fn verify_fails_a_shipped_pass_a_passing_wrong_answer_and_a_wrong_reason() {
    let fixture = Fixture::new("verify-bad");
    let wrong = fixture.root.join("lessons/lesson-01/wrong/total");
    // A "wrong" answer that is right after all: the checks cannot tell, or the catalogue errs.
    fs::write(
        wrong.join("hard-coded.rs"),
        "// WRONG [hardcoded]: looks wrong, is right. => \"5 + 5\"\n\
         pub fn total(numbers: &[u64]) -> u64 {\n    numbers.iter().copied().sum()\n}\n",
    )
    .unwrap();
    // Fails, but not for the reason it names.
    fs::write(
        wrong.join("skips-the-first.rs"),
        "// WRONG [result]: the first number is left out. => \"lost updates\"\n\
         pub fn total(numbers: &[u64]) -> u64 {\n    numbers.iter().skip(1).sum()\n}\n",
    )
    .unwrap();
    fs::write(
        wrong.join("bad-header.rs"),
        "// wrong: no form\npub fn total(_: &[u64]) -> u64 { 0 }\n",
    )
    .unwrap();
    // A shipped exercise that passes its checks is a broken exercise.
    fixture.answer(SOLVED);
    let (out, _, code) = fixture.run(&["--timeout", "5", "verify"], "");
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("total: as shipped it must fail its checks"),
        "{out}"
    );
    assert!(
        out.contains("passes every check of total: a check is missing"),
        "{out}"
    );
    assert!(
        out.contains("its verdict does not say \"lost updates\""),
        "{out}"
    );
    assert!(
        out.contains("bad-header.rs: the first line must read"),
        "{out}"
    );
}

#[test]
fn bad_names_and_places_get_a_clear_message_and_exit_2() {
    let fixture = Fixture::new("names");
    let (_, err, code) = fixture.run(&["hint", "totl"], "");
    assert_eq!(code, 2);
    assert!(
        err.contains("no exercise `totl`") && err.contains("Did you mean `total`?"),
        "{err}"
    );
    let (_, err, code) = fixture.run(&["check", "lesson-1x"], "");
    assert_eq!(code, 2);
    assert!(err.contains("Did you mean `lesson-01`?"), "{err}");
    let below = fixture.root.join("book");
    let (_, err, code) = run_in(&below, &["status"], "");
    assert_eq!(
        code, 0,
        "in a folder below the root the runner finds the root: {err}"
    );
    let nowhere = std::env::temp_dir();
    let (_, err, code) = run_in(&nowhere, &["status"], "");
    assert_eq!(code, 2);
    assert!(err.contains("is not inside a workbook"), "{err}");
}
