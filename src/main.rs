//! The workbook runner: `cargo run` at the repository's root.
//!
//! Shows your progress, watches your exercise file and re-checks it on every save, gives hints,
//! and stops checks that hang (a deadlocked answer never ends by itself). The checks are the
//! lessons' own `cargo test -p lesson-NN` checks, so the runner and `cargo test` always agree.
//!
//! ```text
//! cargo run                      progress, and the next exercise
//! cargo run -- watch             check the next exercise on every save (keys: h n l c r q)
//! cargo run -- check [LESSON]    check every exercise (or one lesson's), in parallel
//! cargo run -- hint EXERCISE     a hint
//! cargo run -- reset EXERCISE    put the exercise's file back as shipped (keeps a backup)
//! cargo run -- list              every exercise, its file and chapter
//! cargo run -- verify [LESSON..] maintainers: shipped exercises fail, solutions pass, and
//!                                every catalogued wrong answer fails for its named reason
//! ```

mod runner;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};

use runner::meta::Workbook;
use runner::{Problem, commands, report, watch};

#[derive(Debug, Parser)]
#[command(
    name = "workbook",
    about = "The concurrency workbook's runner: progress, watch mode, hints, checks"
)]
struct Cli {
    /// The workbook's root folder (default: the current folder or the nearest one above it with
    /// exercises.toml).
    #[arg(long, global = true, value_name = "DIR")]
    root: Option<PathBuf>,
    /// Stop a check that runs longer than this many seconds (a deadlock is the likely cause).
    /// Checks that can hang stop themselves sooner (in seconds) and say what was waiting.
    #[arg(long, global = true, default_value_t = 30, value_name = "SECONDS")]
    timeout: u64,
    #[command(subcommand)]
    command: Option<Cmd>,
}

#[derive(Debug, Subcommand)]
enum Cmd {
    /// Every exercise as done / failing / not started, and the next one (the default).
    Status,
    /// Check the first unfinished exercise, then again on every save.
    Watch,
    /// Check every exercise, or one lesson's (`lesson-03` or `3`); exit 0 only if all pass.
    Check { lesson: Option<String> },
    /// Show an exercise's hint.
    Hint { exercise: String },
    /// Put an exercise's file back as shipped; your version is kept as a backup.
    Reset {
        exercise: String,
        /// Do not ask first.
        #[arg(long)]
        yes: bool,
    },
    /// List every exercise with its file and chapter.
    List,
    /// For maintainers: every shipped exercise fails its checks, every solution passes, every
    /// catalogued wrong answer (lessons/*/wrong/) fails for its named reason, and
    /// exercises.toml matches the lessons. Optionally only some lessons.
    Verify { lessons: Vec<String> },
}

fn run(cli: Cli) -> Result<u8, Problem> {
    let workbook = Workbook::find(cli.root.as_deref())?;
    let timeout = Duration::from_secs(cli.timeout.max(1));
    match cli.command.unwrap_or(Cmd::Status) {
        Cmd::Status => Ok(report::status(&workbook)),
        Cmd::Watch => watch::watch(&workbook, timeout),
        Cmd::Check { lesson } => commands::check(&workbook, lesson.as_deref(), timeout),
        Cmd::Hint { exercise } => commands::hint(&workbook, &exercise),
        Cmd::Reset { exercise, yes } => commands::reset(&workbook, &exercise, yes),
        Cmd::List => Ok(commands::list(&workbook)),
        Cmd::Verify { lessons } => commands::verify(&workbook, &lessons, timeout),
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => ExitCode::from(code),
        Err(problem) => {
            eprintln!("error: {problem}");
            ExitCode::from(problem.code)
        }
    }
}
