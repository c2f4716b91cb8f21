//! The workbook runner: what `cargo run` at the root does.
//!
//! - `meta`: where the workbook is, and `exercises.toml`.
//! - `cargo`: builds the lessons' checks and runs them, with a timeout.
//! - `grade`: turns check results into a verdict per exercise.
//! - `progress`: what the learner has done, in `.workbook/` (ignored by git).
//! - `report`: the status page, and the verdict list `check` and watch's `c` key share.
//! - `commands`: status, list, hint, check, reset, verify.
//! - `watch`: re-checks the current exercise on every save, with single-key commands.
//! - `wrong`: the catalogue of wrong answers, and the proof that each fails for its reason.

pub mod cargo;
pub mod commands;
pub mod grade;
pub mod meta;
pub mod progress;
pub mod report;
pub mod style;
pub mod watch;
pub mod wrong;

use std::fmt;

/// Why a command could not do what was asked. `usage` problems (an unknown name, running
/// outside the workbook) exit 2; others exit 1.
#[derive(Debug)]
pub struct Problem {
    pub message: String,
    pub code: u8,
}

impl Problem {
    pub fn usage(message: impl Into<String>) -> Problem {
        Problem {
            message: message.into(),
            code: 2,
        }
    }

    pub fn failure(message: impl Into<String>) -> Problem {
        Problem {
            message: message.into(),
            code: 1,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
