//! The workbook on disk: where its root is, and the exercise metadata in `exercises.toml`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::Problem;

/// The file every exercise is listed in, at the workbook's root.
pub const METADATA: &str = "exercises.toml";

/// One exercise, as `exercises.toml` describes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// "N.M": exercise M of lesson N.
    pub id: String,
    /// The item the learner writes (unique across the workbook).
    pub name: String,
    /// The lesson crate (its folder under `lessons/`).
    pub lesson: String,
    /// The chapter that teaches it, relative to the root.
    pub chapter: String,
    /// What `hint` prints.
    pub hint: String,
}

impl Exercise {
    /// Its checks are the tests whose names start with this.
    pub fn test_prefix(&self) -> String {
        format!("exercise_{}_", self.id.replace('.', "_"))
    }

    /// The exercise's file stem: its name in snake_case (`MutexCounter` -> `mutex_counter`).
    pub fn stem(&self) -> String {
        snake_case(&self.name)
    }

    /// The learner's file (one file per exercise), relative to the root.
    pub fn file(&self) -> PathBuf {
        Path::new("lessons")
            .join(&self.lesson)
            .join("src/exercises")
            .join(format!("{}.rs", self.stem()))
    }

    /// The reference answer, relative to the root.
    pub fn solution(&self) -> PathBuf {
        Path::new("lessons")
            .join(&self.lesson)
            .join("src/solutions")
            .join(format!("{}.rs", self.stem()))
    }

    /// The folder of its catalogued wrong answers, relative to the root.
    pub fn wrong_dir(&self) -> PathBuf {
        Path::new("lessons")
            .join(&self.lesson)
            .join("wrong")
            .join(self.stem())
    }

    /// Whether a test (by name) is one of this exercise's checks.
    pub fn owns(&self, test: &str) -> bool {
        test.starts_with(&self.test_prefix())
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(rename = "exercise", default)]
    exercises: Vec<Exercise>,
}

/// A workbook: its root folder and its exercises, in order.
#[derive(Debug, Clone)]
pub struct Workbook {
    pub root: PathBuf,
    pub exercises: Vec<Exercise>,
}

impl Workbook {
    /// Finds the workbook at `root`, or in the current folder or one above it.
    pub fn find(root: Option<&Path>) -> Result<Workbook, Problem> {
        let root = match root {
            Some(root) => root.to_path_buf(),
            None => {
                let here = std::env::current_dir()
                    .map_err(|e| Problem::usage(format!("cannot read the current folder: {e}")))?;
                here.ancestors()
                    .find(|dir| dir.join(METADATA).is_file() && dir.join("lessons").is_dir())
                    .map(Path::to_path_buf)
                    .ok_or_else(|| {
                        Problem::usage(format!(
                            "{} is not inside a workbook (no {METADATA} here or above).\n\
                             Run it at the root of the concurrency workbook, the folder with \
                             {METADATA} and lessons/ (this runner was built from {}).",
                            here.display(),
                            env!("CARGO_MANIFEST_DIR")
                        ))
                    })?
            }
        };
        let text = std::fs::read_to_string(root.join(METADATA)).map_err(|e| {
            Problem::usage(format!(
                "{} is not a workbook: cannot read {METADATA}: {e}",
                root.display()
            ))
        })?;
        let file: File = toml::from_str(&text)
            .map_err(|e| Problem::usage(format!("{METADATA} is not valid: {e}")))?;
        Ok(Workbook {
            root,
            exercises: file.exercises,
        })
    }

    /// The lessons that have exercises, in the order of their first exercise.
    pub fn lessons(&self) -> Vec<String> {
        let mut seen = BTreeSet::new();
        self.exercises
            .iter()
            .filter(|e| seen.insert(e.lesson.clone()))
            .map(|e| e.lesson.clone())
            .collect()
    }

    /// The exercises of one lesson.
    pub fn of_lesson<'a>(&'a self, lesson: &'a str) -> impl Iterator<Item = &'a Exercise> + 'a {
        self.exercises.iter().filter(move |e| e.lesson == lesson)
    }

    /// An exercise by name (or by id, "3.1"); an unknown one is a usage problem that names the
    /// closest existing exercises.
    pub fn exercise(&self, name: &str) -> Result<&Exercise, Problem> {
        self.exercises
            .iter()
            .find(|e| e.name == name || e.id == name)
            .ok_or_else(|| {
                let names: Vec<&str> = self.exercises.iter().map(|e| e.name.as_str()).collect();
                Problem::usage(format!(
                    "there is no exercise `{name}`.{}\nAll exercises: `cargo run -- list`.",
                    closest(name, &names)
                ))
            })
    }

    /// A lesson by name (`lesson-03`, or `03`, or `3`); an unknown one names the closest.
    pub fn lesson(&self, name: &str) -> Result<String, Problem> {
        let lessons = self.lessons();
        let wanted = match name.parse::<u32>() {
            Ok(number) => format!("lesson-{number:02}"),
            Err(_) => name.to_owned(),
        };
        if lessons.contains(&wanted) {
            return Ok(wanted);
        }
        let names: Vec<&str> = lessons.iter().map(String::as_str).collect();
        Err(Problem::usage(format!(
            "there is no lesson `{name}` with exercises.{}",
            closest(name, &names)
        )))
    }
}

/// `MutexCounter` -> `mutex_counter`; `download_all` stays as it is.
pub fn snake_case(name: &str) -> String {
    let mut snake = String::new();
    for (index, c) in name.chars().enumerate() {
        if c.is_uppercase() {
            if index > 0 && !snake.ends_with('_') {
                snake.push('_');
            }
            snake.extend(c.to_lowercase());
        } else {
            snake.push(c);
        }
    }
    snake
}

/// " Did you mean `a`, `b`?" with up to three names that look like `name`, or nothing.
pub fn closest(name: &str, names: &[&str]) -> String {
    let mut scored: Vec<(f64, &str)> = names
        .iter()
        .map(|candidate| {
            let score = strsim::jaro_winkler(&name.to_lowercase(), &candidate.to_lowercase());
            (score, *candidate)
        })
        .filter(|(score, _)| *score > 0.7)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    if scored.is_empty() {
        return String::new();
    }
    let listed: Vec<String> = scored
        .iter()
        .take(3)
        .map(|(_, n)| format!("`{n}`"))
        .collect();
    format!(" Did you mean {}?", listed.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_names_the_likely_typo() {
        let names = ["download_all_threads", "download_all_async", "parallel_sum"];
        assert!(closest("download_all_thread", &names).contains("`download_all_threads`"));
        assert_eq!(closest("zzzz", &names), "");
    }

    #[test]
    fn file_stems_are_snake_case() {
        assert_eq!(snake_case("MutexCounter"), "mutex_counter");
        assert_eq!(snake_case("Pool"), "pool");
        assert_eq!(snake_case("download_all_threads"), "download_all_threads");
    }

    #[test]
    fn the_shipped_metadata_is_valid() {
        let workbook = Workbook::find(Some(Path::new(env!("CARGO_MANIFEST_DIR")))).unwrap();
        assert!(!workbook.exercises.is_empty());
        assert_eq!(workbook.exercise("3.1").unwrap().name, "MutexCounter");
        assert_eq!(workbook.lesson("3").unwrap(), "lesson-03");
        let problem = workbook.lesson("lesson-3x").unwrap_err();
        assert!(
            problem.message.contains("`lesson-03`"),
            "{}",
            problem.message
        );
    }
}
