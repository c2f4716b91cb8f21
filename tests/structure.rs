//! The workbook's invariants (ARCHITECTURE.md), checked: every lesson crate has the same shape,
//! no lesson depends on another, and nothing can swap the reference answers in for the
//! learner's.

use std::fs;
use std::path::{Path, PathBuf};

use toml::Table;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn lesson_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(root().join("lessons"))
        .expect("lessons/ is readable")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("Cargo.toml").is_file())
        .collect();
    dirs.sort();
    dirs
}

fn manifest(dir: &Path) -> Table {
    read(&dir.join("Cargo.toml"))
        .parse()
        .unwrap_or_else(|e| panic!("{}/Cargo.toml: {e}", dir.display()))
}

/// Every dependency table of a manifest: normal, dev and build.
fn dependency_tables(manifest: &Table) -> Vec<(&str, &Table)> {
    ["dependencies", "dev-dependencies", "build-dependencies"]
        .into_iter()
        .filter_map(|key| Some((key, manifest.get(key)?.as_table()?)))
        .collect()
}

#[test]
fn every_lesson_crate_has_the_same_shape() {
    let mut problems = Vec::new();
    let lessons: Vec<PathBuf> = lesson_dirs()
        .into_iter()
        .filter(|d| {
            d.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("lesson-")
        })
        .collect();
    assert!(!lessons.is_empty(), "no lessons found under lessons/");
    for dir in lessons {
        let folder = dir.file_name().unwrap().to_string_lossy().into_owned();
        for file in [
            "src/main.rs",
            "src/lib.rs",
            "src/exercises/mod.rs",
            "src/solutions/mod.rs",
            "tests/exercises.rs",
            "output/run.txt",
            "output/timeline.svg",
        ] {
            if !dir.join(file).is_file() {
                problems.push(format!("{folder} has no {file}"));
            }
        }
        let manifest = manifest(&dir);
        let package = manifest["package"].as_table().expect("[package]");
        if package.get("name").and_then(|n| n.as_str()) != Some(folder.as_str()) {
            problems.push(format!(
                "{folder}: the package name must be the folder name"
            ));
        }
        let features = manifest.get("features").and_then(|f| f.as_table());
        if features.is_none_or(|f| !f.contains_key("solutions")) {
            problems.push(format!("{folder}: no `solutions` feature"));
        }
        let Ok(main) = fs::read_to_string(dir.join("src/main.rs")) else {
            continue;
        };
        if !main.starts_with("//!") {
            problems.push(format!(
                "{folder}/src/main.rs does not open with a //! header"
            ));
        }
        let lib = fs::read_to_string(dir.join("src/lib.rs")).unwrap_or_default();
        if !lib.contains("#[path = \"solutions/mod.rs\"]") || !lib.contains("ANCHOR:") {
            problems.push(format!(
                "{folder}/src/lib.rs must choose exercises/solutions by feature and hold anchors"
            ));
        }
        problems.extend(one_file_per_exercise(&dir, &folder));
        problems.extend(learner_runs_only_the_exercise_checks(
            &dir, &folder, &manifest,
        ));
        let run = fs::read_to_string(dir.join("output/run.txt")).unwrap_or_default();
        if !run.starts_with(&format!("{folder} · ")) || !run.contains(" cores") {
            problems.push(format!(
                "{folder}/output/run.txt is not a recorded run (header with the lesson and cores)"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The `.rs` file stems in a folder, without `mod.rs`.
fn stems(dir: &Path) -> Vec<String> {
    let mut stems: Vec<String> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .filter_map(|name| name.strip_suffix(".rs").map(str::to_owned))
        .filter(|stem| stem != "mod")
        .collect();
    stems.sort();
    stems
}

/// Each exercise has its own file, a solution file of the same name, a `// TODO:` mark, and a
/// folder of wrong answers; nothing else lives in `src/exercises/`.
fn one_file_per_exercise(dir: &Path, folder: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let exercises = stems(&dir.join("src/exercises"));
    let solutions = stems(&dir.join("src/solutions"));
    if exercises != solutions {
        problems.push(format!(
            "{folder}: src/exercises/ holds {exercises:?} but src/solutions/ holds {solutions:?}: \
             one solution file per exercise file, of the same name"
        ));
    }
    for stem in &exercises {
        let text = read(&dir.join(format!("src/exercises/{stem}.rs")));
        if !text.contains("// TODO:") {
            problems.push(format!(
                "{folder}/src/exercises/{stem}.rs has no `// TODO:` mark"
            ));
        }
        if !dir.join("wrong").join(stem).is_dir() {
            problems.push(format!(
                "{folder}: exercise file {stem}.rs has no catalogue of wrong answers in wrong/{stem}/"
            ));
        }
    }
    for stem in fs::read_dir(dir.join("wrong"))
        .into_iter()
        .flatten()
        .flatten()
    {
        let stem = stem.file_name().to_string_lossy().into_owned();
        if !exercises.contains(&stem) {
            problems.push(format!(
                "{folder}/wrong/{stem}/ belongs to no exercise file"
            ));
        }
    }
    problems
}

/// `cargo test -p lesson-NN` is the learner's command: it runs only `tests/exercises.rs`. Every
/// other test target needs the `solutions` feature (the maintainers' command), and unit tests
/// in `src/` are compiled only with it.
fn learner_runs_only_the_exercise_checks(
    dir: &Path,
    folder: &str,
    manifest: &Table,
) -> Vec<String> {
    let mut problems = Vec::new();
    let gated: Vec<&str> = manifest
        .get("test")
        .and_then(|t| t.as_array())
        .into_iter()
        .flatten()
        .filter_map(|t| t.as_table())
        .filter(|t| {
            t.get("required-features")
                .and_then(|f| f.as_array())
                .is_some_and(|f| f.iter().any(|f| f.as_str() == Some("solutions")))
        })
        .filter_map(|t| t.get("name").and_then(|n| n.as_str()))
        .collect();
    let doctests = manifest
        .get("lib")
        .and_then(|lib| lib.get("doctest"))
        .and_then(|d| d.as_bool())
        .unwrap_or(true);
    if doctests {
        problems.push(format!(
            "{folder}/Cargo.toml: set [lib] doctest = false (rustdoc would run on every save of \
             the learner's `cargo test -p {folder}`; put the chapter's facts in tests/)"
        ));
    }
    for stem in stems(&dir.join("tests")) {
        if stem != "exercises" && !gated.contains(&stem.as_str()) {
            problems.push(format!(
                "{folder}/tests/{stem}.rs runs in the learner's `cargo test -p {folder}`: give it \
                 a [[test]] entry with required-features = [\"solutions\"]"
            ));
        }
    }
    let mut sources = vec![dir.join("src")];
    while let Some(path) = sources.pop() {
        if path.is_dir() {
            sources.extend(
                fs::read_dir(&path)
                    .into_iter()
                    .flatten()
                    .flatten()
                    .map(|e| e.path()),
            );
        } else if path.extension().is_some_and(|e| e == "rs")
            && read(&path).contains("#[cfg(test)]")
        {
            problems.push(format!(
                "{}: unit tests run in the learner's command; use \
                 #[cfg(all(test, feature = \"solutions\"))]",
                path.strip_prefix(dir).unwrap_or(&path).display()
            ));
        }
    }
    problems
}

#[test]
fn no_lesson_depends_on_another_and_nothing_enables_solutions() {
    let mut problems = Vec::new();
    let mut manifests = vec![(root(), manifest(&root()))];
    manifests.extend(lesson_dirs().into_iter().map(|d| (d.clone(), manifest(&d))));
    for (dir, manifest) in &manifests {
        let name = dir.strip_prefix(root()).unwrap().display().to_string();
        for (kind, deps) in dependency_tables(manifest) {
            for (dep, spec) in deps {
                let is_lesson = dep.starts_with("lesson-");
                let enables_solutions = spec
                    .get("features")
                    .and_then(|f| f.as_array())
                    .is_some_and(|f| f.iter().any(|x| x.as_str() == Some("solutions")));
                if is_lesson {
                    problems.push(format!(
                        "{name}: [{kind}] names {dep}: no lesson depends on another"
                    ));
                }
                if enables_solutions {
                    problems.push(format!(
                        "{name}: [{kind}] {dep} enables `solutions`: that would silently swap the \
                         reference answers in for the learner's"
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_workspace_member_is_unpublished_and_uses_the_workspace_lints() {
    let mut problems = Vec::new();
    for dir in lesson_dirs() {
        let manifest = manifest(&dir);
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let package = manifest["package"].as_table().expect("[package]");
        let publish = package.get("publish");
        let unpublished = publish.is_some_and(|p| {
            p.as_bool() == Some(false) || p.get("workspace").and_then(|w| w.as_bool()) == Some(true)
        });
        if !unpublished {
            problems.push(format!("{name}: set `publish.workspace = true`"));
        }
        let lints = manifest.get("lints").and_then(|l| l.get("workspace"));
        if lints.and_then(|w| w.as_bool()) != Some(true) {
            problems.push(format!("{name}: set `[lints] workspace = true`"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn readme_names_every_lesson_and_the_test_commands() {
    let readme = read(&root().join("README.md"));
    let mut problems = Vec::new();
    for dir in lesson_dirs() {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("lesson-") && !readme.contains(&format!("`{name}`")) {
            problems.push(format!("README.md does not name `{name}`"));
        }
    }
    for command in [
        "cargo test\n",
        "cargo test --workspace --features solutions",
    ] {
        if !readme.contains(command) {
            problems.push(format!("README.md does not give `{}`", command.trim()));
        }
    }
    let ci = read(&root().join(".ci/run"));
    for command in [
        "cargo test --workspace --features solutions",
        "cargo test\n",
    ] {
        if !ci.contains(command) {
            problems.push(format!(
                ".ci/run does not run the README's `{}`",
                command.trim()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
