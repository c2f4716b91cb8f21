//! The learner's progress: the last verdict of each exercise and a fingerprint of the file it
//! was given for, kept in `.workbook/progress.json` (git ignores `.workbook/`).

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::meta::{Exercise, Workbook};

/// The folder the runner keeps its state and backups in, at the workbook's root.
pub const STATE_DIR: &str = ".workbook";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
struct Entry {
    /// "done", "failing", "does not compile", "timed out", "no checks".
    state: String,
    /// A fingerprint of the learner's file when it was checked.
    fingerprint: u64,
}

/// Where an exercise stands, as `status` shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Done,
    Failing,
    NotStarted,
    /// Checked before, but the file changed since.
    Changed,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Progress {
    exercises: BTreeMap<String, Entry>,
    #[serde(skip)]
    path: PathBuf,
}

/// A fingerprint of a file's contents (0 if it cannot be read).
pub fn fingerprint(path: &Path) -> u64 {
    let mut hasher = DefaultHasher::new();
    std::fs::read(path).unwrap_or_default().hash(&mut hasher);
    hasher.finish()
}

impl Progress {
    /// Reads the progress file; a missing or unreadable one is an empty progress.
    pub fn load(workbook: &Workbook) -> Progress {
        let path = workbook.root.join(STATE_DIR).join("progress.json");
        let mut progress: Progress = std::fs::read_to_string(&path)
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default();
        progress.path = path;
        progress
    }

    /// Records a verdict for an exercise, for the file as it is now.
    pub fn record(&mut self, workbook: &Workbook, exercise: &Exercise, state: &str) {
        self.exercises.insert(
            exercise.name.clone(),
            Entry {
                state: state.to_owned(),
                fingerprint: fingerprint(&workbook.root.join(exercise.file())),
            },
        );
    }

    /// Writes the progress file (best effort: progress is a convenience, never a reason to fail).
    pub fn save(&self) {
        if let Some(dir) = self.path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if let Ok(text) = serde_json::to_string_pretty(self) {
            let _ = std::fs::write(&self.path, text);
        }
    }

    pub fn standing(&self, workbook: &Workbook, exercise: &Exercise) -> Standing {
        match self.exercises.get(&exercise.name) {
            None => Standing::NotStarted,
            Some(entry)
                if entry.fingerprint != fingerprint(&workbook.root.join(exercise.file())) =>
            {
                Standing::Changed
            }
            Some(entry) if entry.state == "done" => Standing::Done,
            Some(_) => Standing::Failing,
        }
    }

    /// The first exercise, in workbook order, whose last check did not pass. (Exercises share
    /// their lesson's file, so editing one marks the others "changed"; that alone does not
    /// send the learner back to them.)
    pub fn next<'a>(&self, workbook: &'a Workbook) -> Option<&'a Exercise> {
        workbook.exercises.iter().find(|e| {
            self.exercises
                .get(&e.name)
                .is_none_or(|entry| entry.state != "done")
        })
    }
}
