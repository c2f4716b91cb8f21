//! The catalogue of wrong answers, and the proof that each fails for its named reason.
//!
//! Every exercise ships at least [`MINIMUM`] wrong answers a learner really writes, each in
//! `lessons/<lesson>/wrong/<stem>/<slug>.rs`, whose first line names the mistake and the words
//! its verdict must contain:
//!
//! ```text
//! // WRONG [batches]: threads start two at a time, so only two downloads overlap. => "at most 2"
//! ```
//!
//! The rest of the file is either a whole replacement for the exercise's file, or (shorter,
//! and the usual form) the reference answer with the mistake written in: blocks of
//!
//! ```text
//! // REPLACE
//! <lines of src/solutions/<stem>.rs, which must occur there exactly once>
//! // WITH
//! <the lines the learner wrote instead>
//! // END
//! ```
//!
//! applied in order to the reference answer. A block that no longer matches the reference is
//! a problem `verify` reports, so the catalogue follows the reference answer as it changes.
//!
//! `verify` copies the workbook to a scratch folder (kept between runs, so cargo rebuilds only
//! what changed), puts each wrong answer in place of the exercise's file, runs that exercise's
//! checks and fails unless the verdict is not a pass *and* contains the words: a wrong answer
//! that passes, or fails for another reason, is a check that is not done.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::Problem;
use super::grade::{self, Verdict};
use super::meta::{Exercise, Workbook};
use super::style;

/// Wrong answers every exercise must catalogue.
pub const MINIMUM: usize = 3;

/// The kinds of mistake a wrong answer may name (the first line's `[kind]`).
pub const KINDS: &[(&str, &str)] = &[
    ("sequential", "sequential in disguise"),
    ("batches", "partial concurrency, such as batches"),
    ("lock-held", "work serialised by a lock held too long"),
    ("blocking-async", "blocking inside async"),
    ("check-then-act", "a check-then-act race"),
    ("lost-wakeup", "a lost wakeup"),
    ("busy-wait", "busy waiting"),
    ("cancellation", "cancellation not seen"),
    ("order", "results in the wrong order"),
    ("first-error", "the wrong error reported first"),
    (
        "hardcoded",
        "a hard-coded constant where the exercise gives a parameter",
    ),
    ("std-sync", "sync types taken from std around crate::sync"),
    ("deadlock", "a deadlock"),
    ("result", "a wrong result"),
    ("unbounded", "no bound where one is asked for"),
    ("leak", "a thread, child or resource left behind"),
];

/// One catalogued wrong answer.
#[derive(Debug, Clone)]
pub struct WrongAnswer {
    /// Its file, relative to the workbook's root.
    pub file: PathBuf,
    /// The exercise it answers (by name).
    pub exercise: String,
    pub kind: String,
    /// What is wrong, in one sentence.
    pub mistake: String,
    /// Words its verdict must contain (compared without case).
    pub words: String,
    pub text: String,
}

/// Reads `// WRONG [kind]: mistake. => "words"`.
pub fn parse_header(line: &str) -> Result<(String, String, String), String> {
    let form = "the first line must read `// WRONG [kind]: what is wrong. => \"verdict words\"`";
    let rest = line
        .strip_prefix("// WRONG [")
        .ok_or_else(|| form.to_owned())?;
    let (kind, rest) = rest.split_once("]:").ok_or_else(|| form.to_owned())?;
    let (mistake, words) = rest.rsplit_once("=>").ok_or_else(|| form.to_owned())?;
    let words = words.trim();
    let words = words
        .strip_prefix('"')
        .and_then(|w| w.strip_suffix('"'))
        .ok_or_else(|| format!("{form} (the verdict words in double quotes)"))?;
    if !KINDS.iter().any(|(known, _)| *known == kind) {
        let known: Vec<&str> = KINDS.iter().map(|(k, _)| *k).collect();
        return Err(format!(
            "unknown kind `{kind}`; the kinds are: {}",
            known.join(", ")
        ));
    }
    if mistake.trim().is_empty() || words.trim().len() < 4 {
        return Err(format!(
            "{form} (say what is wrong, and give verdict words of 4 or more characters)"
        ));
    }
    Ok((kind.to_owned(), mistake.trim().to_owned(), words.to_owned()))
}

/// The catalogue of the given exercises, and what is wrong with it (too few answers, a bad
/// first line, an answer identical to the reference or to the shipped file).
pub fn catalogue(workbook: &Workbook, exercises: &[&Exercise]) -> (Vec<WrongAnswer>, Vec<String>) {
    let mut answers = Vec::new();
    let mut problems = Vec::new();
    for exercise in exercises {
        let dir = exercise.wrong_dir();
        let mut files: Vec<PathBuf> = fs::read_dir(workbook.root.join(&dir))
            .into_iter()
            .flatten()
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|e| e == "rs"))
            .collect();
        files.sort();
        if files.len() < MINIMUM {
            problems.push(format!(
                "{} {}: {} catalogued wrong answers in {}/, at least {MINIMUM} needed",
                exercise.id,
                exercise.name,
                files.len(),
                dir.display()
            ));
        }
        let reference =
            fs::read_to_string(workbook.root.join(exercise.solution())).unwrap_or_default();
        let shipped = fs::read_to_string(workbook.root.join(exercise.file())).unwrap_or_default();
        for path in files {
            let file = dir.join(path.file_name().unwrap_or_default());
            let written = fs::read_to_string(&path).unwrap_or_default();
            let first = written.lines().next().unwrap_or_default();
            let text = match apply_changes(&written, &reference) {
                Ok(text) => text,
                Err(why) => {
                    problems.push(format!("{}: {why}", file.display()));
                    continue;
                }
            };
            match parse_header(first) {
                Err(why) => problems.push(format!("{}: {why}", file.display())),
                Ok(_) if text.trim() == reference.trim() || text.trim() == shipped.trim() => {
                    problems.push(format!(
                        "{}: is the reference answer or the shipped file, not a mistake",
                        file.display()
                    ));
                }
                Ok((kind, mistake, words)) => answers.push(WrongAnswer {
                    file,
                    exercise: exercise.name.clone(),
                    kind,
                    mistake,
                    words,
                    text,
                }),
            }
        }
    }
    (answers, problems)
}

const REPLACE: &str = "// REPLACE";
const WITH: &str = "// WITH";
const END: &str = "// END";

/// The wrong answer's full text: the file itself, or, if it holds `// REPLACE` blocks, the
/// reference answer with each block's lines replaced.
pub fn apply_changes(written: &str, reference: &str) -> Result<String, String> {
    if !written.lines().any(|line| line.trim_end() == REPLACE) {
        return Ok(written.to_owned());
    }
    let mut text = reference.to_owned();
    let mut lines = written.lines().map(str::trim_end).peekable();
    let mut block = 0;
    while let Some(line) = lines.next() {
        if line != REPLACE {
            continue;
        }
        block += 1;
        let mut take_until = |end: &str| -> Result<String, String> {
            let mut taken = String::new();
            for line in lines.by_ref() {
                if line == end {
                    return Ok(taken);
                }
                taken.push_str(line);
                taken.push('\n');
            }
            Err(format!(
                "change {block}: no `{end}` line after its `{REPLACE}`"
            ))
        };
        let old = take_until(WITH)?;
        let new = take_until(END)?;
        match text.matches(&old).count() {
            1 => text = text.replacen(&old, &new, 1),
            0 => {
                return Err(format!(
                    "change {block}: its `{REPLACE}` lines are not in the reference answer \
                     (did the reference change?):\n{old}"
                ));
            }
            n => {
                return Err(format!(
                    "change {block}: its `{REPLACE}` lines occur {n} times in the reference \
                     answer; take in a line more, to say which:\n{old}"
                ));
            }
        }
    }
    Ok(text)
}

/// Everything a verdict says, for matching the words.
pub fn verdict_text(verdict: &Verdict, exercise: &Exercise) -> String {
    let mut text = verdict.explain(exercise);
    if let Verdict::Failed(failures) = verdict {
        // The whole messages, not only the lines `explain` shows.
        for failure in failures {
            text.push('\n');
            text.push_str(&failure.message);
        }
    }
    text
}

/// Makes `to` hold the same files as `from` (without `target`, `.git`, `.workbook`): copies a
/// file only when its contents differ, so cargo's incremental builds in the copy stay warm.
pub fn mirror(from: &Path, to: &Path) -> std::io::Result<()> {
    fn files(root: &Path, dir: &Path, found: &mut BTreeSet<PathBuf>) -> std::io::Result<()> {
        for entry in fs::read_dir(dir)? {
            let entry = entry?;
            let name = entry.file_name();
            if [".git", "target", ".workbook"].contains(&name.to_string_lossy().as_ref()) {
                continue;
            }
            let path = entry.path();
            if entry.file_type()?.is_dir() {
                files(root, &path, found)?;
            } else if let Ok(relative) = path.strip_prefix(root) {
                found.insert(relative.to_path_buf());
            }
        }
        Ok(())
    }
    let mut wanted = BTreeSet::new();
    files(from, from, &mut wanted)?;
    fs::create_dir_all(to)?;
    let mut present = BTreeSet::new();
    files(to, to, &mut present)?;
    for stale in present.difference(&wanted) {
        fs::remove_file(to.join(stale))?;
    }
    for relative in &wanted {
        let contents = fs::read(from.join(relative))?;
        let target = to.join(relative);
        if fs::read(&target).ok().as_ref() != Some(&contents) {
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::write(&target, contents)?;
        }
    }
    Ok(())
}

/// Proves every answer fails its exercise's checks for its named reason. Prints a line per
/// answer; returns the problems.
pub fn prove(
    workbook: &Workbook,
    answers: &[WrongAnswer],
    timeout: Duration,
) -> Result<Vec<String>, Problem> {
    if answers.is_empty() {
        return Ok(Vec::new());
    }
    // `WORKBOOK_VERIFY_SCRATCH` moves the copy, so that two maintainers (or two verify runs on
    // one machine) do not build in each other's copy.
    let scratch_root = std::env::var_os("WORKBOOK_VERIFY_SCRATCH")
        .map(PathBuf::from)
        .unwrap_or_else(|| workbook.root.join("target").join("verify-scratch"));
    mirror(&workbook.root, &scratch_root).map_err(|e| {
        Problem::failure(format!(
            "cannot copy the workbook to {}: {e}",
            scratch_root.display()
        ))
    })?;
    let scratch = Workbook {
        root: scratch_root.clone(),
        exercises: workbook.exercises.clone(),
    };
    // The copy builds in a target folder of its own. Not the workbook's: cargo names a
    // workspace member's build by its path *inside* the workspace, so two copies of the
    // workbook sharing a target folder share artifacts, and cargo took one copy's build for the
    // other's (a wrong answer was graded with the reference answer's binary).
    let target = scratch_root.join("target");
    let mut problems = Vec::new();
    let mut proven: BTreeMap<String, usize> = BTreeMap::new();
    for answer in answers {
        let Some(exercise) = workbook
            .exercises
            .iter()
            .find(|e| e.name == answer.exercise)
        else {
            continue;
        };
        let file = scratch_root.join(exercise.file());
        let shipped = fs::read(workbook.root.join(exercise.file())).unwrap_or_default();
        fs::write(&file, &answer.text)
            .map_err(|e| Problem::failure(format!("cannot write {}: {e}", file.display())))?;
        let started = Instant::now();
        let verdict = grade::check_one_in(&scratch, exercise, timeout, Some(&target));
        // Put the shipped file back whatever happened, so the next answer starts clean.
        let restored = fs::write(&file, shipped);
        let verdict = verdict?;
        restored
            .map_err(|e| Problem::failure(format!("cannot restore {}: {e}", file.display())))?;
        let text = verdict_text(&verdict, exercise);
        let seconds = started.elapsed().as_secs_f64();
        let label = format!(
            "{} {} {} [{}]",
            exercise.id,
            exercise.name,
            answer.file.display(),
            answer.kind
        );
        if verdict.passed() {
            println!(
                "{} {label}: PASSES its checks ({seconds:.1} s)",
                style::bad("✗")
            );
            problems.push(format!(
                "{label}: this wrong answer ({}) passes every check of {}: a check is missing",
                answer.mistake, exercise.name
            ));
        } else if !text.to_lowercase().contains(&answer.words.to_lowercase()) {
            println!(
                "{} {label}: fails, but not for its reason ({seconds:.1} s)",
                style::bad("✗")
            );
            problems.push(format!(
                "{label}: fails ({}), but its verdict does not say \"{}\". The verdict:\n{}",
                verdict.word(),
                answer.words,
                super::cargo::first_lines(&text, 40)
            ));
        } else {
            *proven.entry(answer.kind.clone()).or_default() += 1;
            println!(
                "{} {label}: fails for its reason, \"{}\" ({seconds:.1} s)",
                style::good("✓"),
                answer.words
            );
        }
    }
    let kinds: Vec<String> = proven
        .iter()
        .map(|(kind, count)| format!("{kind} {count}"))
        .collect();
    println!(
        "wrong answers proven, by kind: {}",
        if kinds.is_empty() {
            "none".to_owned()
        } else {
            kinds.join(", ")
        }
    );
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_names_kind_mistake_and_words() {
        let (kind, mistake, words) = parse_header(
            "// WRONG [batches]: threads start two at a time => a => \"at most 2 did\"",
        )
        .unwrap();
        assert_eq!(kind, "batches");
        assert_eq!(mistake, "threads start two at a time => a");
        assert_eq!(words, "at most 2 did");
    }

    #[test]
    fn a_bad_header_says_the_form() {
        assert!(
            parse_header("// wrong: batches")
                .unwrap_err()
                .contains("// WRONG [kind]")
        );
        assert!(
            parse_header("// WRONG [typo]: x => \"words here\"")
                .unwrap_err()
                .contains("unknown kind `typo`")
        );
        assert!(parse_header("// WRONG [batches]: x => words").is_err());
        assert!(parse_header("// WRONG [batches]: x => \"ab\"").is_err());
    }

    #[test]
    fn changes_are_written_into_the_reference_answer() {
        let reference = "fn a() {\n    one();\n    two();\n}\n";
        let written = "// WRONG [order]: x => \"words\"\n// REPLACE\n    one();\n    two();\n\
                       // WITH\n    two();\n    one();\n// END\n";
        assert_eq!(
            apply_changes(written, reference).unwrap(),
            "fn a() {\n    two();\n    one();\n}\n"
        );
        let whole = "// WRONG [order]: x => \"words\"\nfn a() {}\n";
        assert_eq!(apply_changes(whole, reference).unwrap(), whole);
        let missing = "// REPLACE\n    three();\n// WITH\n// END\n";
        assert!(
            apply_changes(missing, reference)
                .unwrap_err()
                .contains("not in the reference")
        );
        let twice = "// REPLACE\n}\n// WITH\n// END\n";
        let reference_twice = "}\n}\n";
        assert!(
            apply_changes(twice, reference_twice)
                .unwrap_err()
                .contains("occur 2 times")
        );
        let unended = "// REPLACE\n    one();\n// WITH\n";
        assert!(
            apply_changes(unended, reference)
                .unwrap_err()
                .contains("no `// END`")
        );
    }

    #[test]
    fn mirror_copies_changes_and_removes_stale_files() {
        let base = std::env::temp_dir().join(format!("workbook-mirror-{}", std::process::id()));
        let (from, to) = (base.join("from"), base.join("to"));
        fs::create_dir_all(from.join("src")).unwrap();
        fs::create_dir_all(from.join("target")).unwrap();
        fs::write(from.join("src/a.rs"), "a").unwrap();
        fs::write(from.join("target/big"), "skip").unwrap();
        fs::create_dir_all(to.join("src")).unwrap();
        fs::write(to.join("src/old.rs"), "stale").unwrap();
        mirror(&from, &to).unwrap();
        assert_eq!(fs::read_to_string(to.join("src/a.rs")).unwrap(), "a");
        assert!(!to.join("src/old.rs").exists());
        assert!(!to.join("target/big").exists());
        let _ = fs::remove_dir_all(&base);
    }
}
