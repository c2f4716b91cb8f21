//! The runner's commands other than `watch`. Each returns the process's exit status, or a
//! [`Problem`] that `main` prints.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::Problem;
use super::grade::{self, CheckOptions, Verdict};
use super::meta::{Exercise, Workbook};
use super::progress::{Progress, STATE_DIR, Standing};
use super::report;
use super::style;
use super::wrong;

/// `list`: every exercise with its file and chapter.
pub fn list(workbook: &Workbook) -> u8 {
    let progress = Progress::load(workbook);
    for exercise in &workbook.exercises {
        let word = match progress.standing(workbook, exercise) {
            Standing::Done => style::good("done"),
            Standing::Failing => style::bad("failing"),
            Standing::NotStarted => style::dim("not started"),
            Standing::Changed => style::warn("changed"),
        };
        println!(
            "{:<4} {:<24} {:<12} {}  ({})",
            exercise.id,
            exercise.name,
            word,
            exercise.file().display(),
            exercise.chapter
        );
    }
    0
}

/// `hint EXERCISE`.
pub fn hint(workbook: &Workbook, name: &str) -> Result<u8, Problem> {
    let exercise = workbook.exercise(name)?;
    println!(
        "Hint for {} {} ({}):\n{}",
        exercise.id,
        style::bold(&exercise.name),
        exercise.chapter,
        exercise.hint.trim()
    );
    Ok(0)
}

/// `check [LESSON]`: every exercise (or one lesson's), checked in parallel; exit 0 only if all
/// passed.
pub fn check(workbook: &Workbook, lesson: Option<&str>, timeout: Duration) -> Result<u8, Problem> {
    let lessons = match lesson {
        Some(name) => vec![workbook.lesson(name)?],
        None => workbook.lessons(),
    };
    let options = CheckOptions {
        progress_bar: std::io::stderr().is_terminal(),
        ..CheckOptions::learner(timeout)
    };
    let verdicts = grade::check_lessons(workbook, &lessons, options)?.verdicts;
    let mut progress = Progress::load(workbook);
    let checked: Vec<&Exercise> = workbook
        .exercises
        .iter()
        .filter(|e| lessons.contains(&e.lesson))
        .collect();
    let passed = report::verdicts(workbook, &checked, &verdicts, &mut progress, &mut |line| {
        println!("{line}");
    });
    println!("\n{passed} of {} exercises pass.", checked.len());
    if passed < checked.len() {
        println!("`cargo run -- watch` works on the first one that does not, with its messages.");
        return Ok(1);
    }
    Ok(0)
}

/// The version of a file as shipped: from the branch the workbook was cloned from if there is
/// one, else from the last commit.
fn shipped(workbook: &Workbook, path: &std::path::Path) -> Result<(String, String), Problem> {
    let git = |args: &[&str]| {
        Command::new("git")
            .current_dir(&workbook.root)
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
    };
    let relative = path.to_string_lossy().replace('\\', "/");
    for revision in ["@{upstream}", "origin/HEAD", "HEAD"] {
        if let Some(text) = git(&["show", &format!("{revision}:{relative}")]) {
            return Ok((revision.to_owned(), text));
        }
    }
    Err(Problem::failure(format!(
        "cannot find the shipped version of {relative}: reset needs the workbook's git history \
         (run it in your clone of the workbook, with git installed)."
    )))
}

/// `reset EXERCISE`: puts the exercise's file back as shipped, keeping the learner's version
/// as a backup whose path is printed. Asks first unless `yes`.
pub fn reset(workbook: &Workbook, name: &str, yes: bool) -> Result<u8, Problem> {
    let exercise = workbook.exercise(name)?;
    let file = exercise.file();
    let (revision, original) = shipped(workbook, &file)?;
    let path = workbook.root.join(&file);
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if current == original {
        println!(
            "{} is already as shipped: nothing to reset.",
            file.display()
        );
        return Ok(0);
    }
    println!(
        "This puts {} back as shipped ({revision}): exercise {} {} only.",
        file.display(),
        exercise.id,
        exercise.name
    );
    if !yes {
        print!("Your version will be kept as a backup. Reset? [y/N] ");
        let _ = std::io::stdout().flush();
        let mut answer = String::new();
        let _ = std::io::stdin().lock().read_line(&mut answer);
        if !matches!(answer.trim(), "y" | "Y" | "yes") {
            println!("Nothing was changed.");
            return Ok(1);
        }
    }
    let stamp = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let backups = workbook.root.join(STATE_DIR).join("backups");
    let backup: PathBuf = backups.join(format!(
        "{}-{}-{stamp}.rs",
        exercise.lesson,
        exercise.stem()
    ));
    std::fs::create_dir_all(&backups)
        .and_then(|()| std::fs::write(&backup, &current))
        .map_err(|e| {
            Problem::failure(format!("cannot write the backup {}: {e}", backup.display()))
        })?;
    std::fs::write(&path, original)
        .map_err(|e| Problem::failure(format!("cannot write {}: {e}", path.display())))?;
    println!(
        "Reset {}. Your version is kept in {}",
        file.display(),
        backup.display()
    );
    Ok(0)
}

/// `verify` (maintainers, CI): the metadata matches the lessons, every shipped exercise fails
/// its checks naming its file, and every reference answer passes.
pub fn verify(workbook: &Workbook, only: &[String], timeout: Duration) -> Result<u8, Problem> {
    let mut problems = metadata_problems(workbook);
    let lessons = if only.is_empty() {
        workbook.lessons()
    } else {
        only.iter()
            .map(|name| workbook.lesson(name))
            .collect::<Result<Vec<_>, _>>()?
    };
    let grade::Checked {
        verdicts: shipped,
        ran,
    } = grade::check_lessons(workbook, &lessons, CheckOptions::learner(timeout))?;
    let chosen: Vec<&Exercise> = workbook
        .exercises
        .iter()
        .filter(|e| lessons.contains(&e.lesson))
        .collect();
    for exercise in &chosen {
        let file = exercise.file().display().to_string();
        match shipped.get(&exercise.name) {
            Some(Verdict::Failed(failures)) => {
                let all: Vec<_> = ran
                    .get(&exercise.lesson)
                    .into_iter()
                    .flatten()
                    .filter(|r| exercise.owns(&r.name))
                    .collect();
                if let Some(passing) = all.iter().find(|r| r.passed) {
                    problems.push(format!(
                        "{}: check `{}` passes as shipped; every check must fail until the \
                         exercise is done",
                        exercise.name, passing.name
                    ));
                }
                for failure in failures.iter().filter(|f| !f.message.contains(&file)) {
                    problems.push(format!(
                        "{}: check `{}` fails without naming {file}:\n{}",
                        exercise.name, failure.name, failure.message
                    ));
                }
            }
            other => problems.push(format!(
                "{}: as shipped it must fail its checks, but it {}",
                exercise.name,
                other.map_or("was not checked", Verdict::word)
            )),
        }
    }
    for (lesson, results) in &ran {
        for result in results {
            if !workbook.of_lesson(lesson).any(|e| e.owns(&result.name)) {
                problems.push(format!(
                    "lessons/{lesson}/tests/exercises.rs: check `{}` belongs to no exercise in \
                     exercises.toml (names start with exercise_N_M_)",
                    result.name
                ));
            }
        }
    }
    let reference = CheckOptions {
        solutions: true,
        ..CheckOptions::learner(timeout)
    };
    let solved = grade::check_lessons(workbook, &lessons, reference)?.verdicts;
    for exercise in &chosen {
        let verdict = solved
            .get(&exercise.name)
            .cloned()
            .unwrap_or(Verdict::NoChecks);
        if !verdict.passed() {
            problems.push(format!(
                "{}: the reference answer does not pass:\n{}",
                exercise.name,
                verdict.explain(exercise)
            ));
        }
    }
    // The catalogue: every wrong answer must fail its exercise's checks for its named reason.
    let (answers, catalogue_problems) = wrong::catalogue(workbook, &chosen);
    problems.extend(catalogue_problems);
    problems.extend(wrong::prove(workbook, &answers, timeout)?);
    if problems.is_empty() {
        println!(
            "verify: {} exercises in {} lessons: each fails as shipped, naming its file; each \
             reference answer passes; each of {} catalogued wrong answers fails for its named \
             reason; metadata, TODO marks and hints are in order.",
            chosen.len(),
            lessons.len(),
            answers.len()
        );
        Ok(0)
    } else {
        for problem in &problems {
            println!("{} {problem}", style::bad("✗"));
        }
        println!("verify: {} problems.", problems.len());
        Ok(1)
    }
}

/// What `verify` checks without running anything: unique names and ids, existing lessons and
/// chapters, hints, a `// TODO:` in every exercise, and no lesson with exercises left out.
fn metadata_problems(workbook: &Workbook) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for exercise in &workbook.exercises {
        for key in [&exercise.name, &exercise.id] {
            if !seen.insert(key.clone()) {
                problems.push(format!("exercises.toml: `{key}` is used twice"));
            }
        }
        let number = exercise
            .lesson
            .trim_start_matches("lesson-")
            .trim_start_matches('0');
        if exercise.id.split('.').next() != Some(number) || exercise.id.split('.').count() != 2 {
            problems.push(format!(
                "{}: id `{}` must be N.M with N the lesson's number ({})",
                exercise.name, exercise.id, exercise.lesson
            ));
        }
        if exercise.hint.trim().is_empty() {
            problems.push(format!("{}: has no hint", exercise.name));
        }
        if !workbook.root.join(&exercise.chapter).is_file() {
            problems.push(format!(
                "{}: chapter {} does not exist",
                exercise.name, exercise.chapter
            ));
        }
        let source =
            std::fs::read_to_string(workbook.root.join(exercise.file())).unwrap_or_default();
        if source.is_empty() {
            problems.push(format!(
                "{}: its file {} is missing (one file per exercise, named after it)",
                exercise.name,
                exercise.file().display()
            ));
        } else if !source.contains("// TODO:") {
            problems.push(format!(
                "{}: has no `// TODO:` mark in {}",
                exercise.name,
                exercise.file().display()
            ));
        }
        if !workbook.root.join(exercise.solution()).is_file() {
            problems.push(format!(
                "{}: its reference answer {} is missing",
                exercise.name,
                exercise.solution().display()
            ));
        }
    }
    if let Ok(entries) = std::fs::read_dir(workbook.root.join("lessons")) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let files = std::fs::read_dir(entry.path().join("src/exercises"))
                .into_iter()
                .flatten()
                .flatten()
                .map(|file| file.file_name().to_string_lossy().into_owned())
                .filter(|file| file.ends_with(".rs") && file != "mod.rs");
            for file in files {
                let known = workbook
                    .of_lesson(&name)
                    .any(|e| format!("{}.rs", e.stem()) == file);
                if !known {
                    problems.push(format!(
                        "lessons/{name}/src/exercises/{file} belongs to no exercise in \
                         exercises.toml (one file per exercise, named after it in snake_case)"
                    ));
                }
            }
        }
    }
    problems
}
