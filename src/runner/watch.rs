//! `watch`: checks the first unfinished exercise, then again on every save of its lesson's
//! files (debounced), and answers single keys: h hint, n next, l list, c check all, r re-run,
//! q quit. On a terminal keys are read raw; otherwise one key per character of each line of
//! standard input (so a script or a test can drive it).

use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

use crossterm::event::{self, Event as TermEvent, KeyCode, KeyEventKind, KeyModifiers};
use crossterm::{cursor, execute, terminal};
use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

use super::Problem;
use super::grade::{self, CheckOptions, Verdict};
use super::meta::{Exercise, Workbook};
use super::progress::{Progress, fingerprint};
use super::report;
use super::style;

/// How long saves are gathered into one re-check (an editor writes a file in several steps).
const DEBOUNCE: Duration = Duration::from_millis(200);

enum Event {
    Key(char),
    Changed,
    Quit,
}

/// The terminal, in raw mode while watching (restored on drop, also on a panic).
struct Screen {
    raw: bool,
}

impl Screen {
    fn new() -> Screen {
        let raw = std::io::stdin().is_terminal()
            && std::io::stdout().is_terminal()
            && terminal::enable_raw_mode().is_ok();
        Screen { raw }
    }

    /// Prints text; in raw mode a newline must also return the cursor.
    fn say(&self, text: &str) {
        let text = if self.raw {
            text.replace('\n', "\r\n")
        } else {
            text.to_owned()
        };
        let mut out = std::io::stdout().lock();
        let _ = write!(out, "{text}{}", if self.raw { "\r\n" } else { "\n" });
        let _ = out.flush();
    }

    fn clear(&self) {
        if self.raw {
            let _ = execute!(
                std::io::stdout(),
                terminal::Clear(terminal::ClearType::All),
                cursor::MoveTo(0, 0)
            );
        }
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        if self.raw {
            let _ = terminal::disable_raw_mode();
        }
    }
}

fn read_keys(raw: bool, events: Sender<Event>) {
    thread::spawn(move || {
        if raw {
            while let Ok(event) = event::read() {
                let TermEvent::Key(key) = event else { continue };
                if key.kind != KeyEventKind::Press {
                    continue;
                }
                let sent = match key.code {
                    KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                        events.send(Event::Quit)
                    }
                    KeyCode::Char(c) => events.send(Event::Key(c.to_ascii_lowercase())),
                    KeyCode::Esc => events.send(Event::Quit),
                    _ => Ok(()),
                };
                if sent.is_err() {
                    return;
                }
            }
        } else {
            for line in std::io::stdin().lock().lines().map_while(Result::ok) {
                for c in line.trim().chars() {
                    if events.send(Event::Key(c.to_ascii_lowercase())).is_err() {
                        return;
                    }
                }
            }
        }
    });
}

/// Watches a lesson's folder; source and manifest changes become [`Event::Changed`].
fn watch_lesson(
    workbook: &Workbook,
    lesson: &str,
    events: &Sender<Event>,
) -> Result<Debouncer<notify_debouncer_mini::notify::RecommendedWatcher>, Problem> {
    let sender = events.clone();
    let mut debouncer = new_debouncer(DEBOUNCE, move |result: DebounceEventResult| {
        let relevant = result.is_ok_and(|changes| {
            changes.iter().any(|change| {
                let path = &change.path;
                let source = path
                    .extension()
                    .is_some_and(|ext| ext == "rs" || ext == "toml");
                source && !path.components().any(|c| c.as_os_str() == "target")
            })
        });
        if relevant {
            let _ = sender.send(Event::Changed);
        }
    })
    .map_err(|e| Problem::failure(format!("cannot watch files: {e}")))?;
    let folder = workbook.root.join("lessons").join(lesson);
    debouncer
        .watcher()
        .watch(Path::new(&folder), RecursiveMode::Recursive)
        .map_err(|e| Problem::failure(format!("cannot watch {}: {e}", folder.display())))?;
    Ok(debouncer)
}

const KEYS: &str = "keys: h hint · n next (once done) · l list · c check all · r re-run · q quit";

/// `watch`.
pub fn watch(workbook: &Workbook, timeout: Duration) -> Result<u8, Problem> {
    let mut progress = Progress::load(workbook);
    let Some(first) = progress.next(workbook) else {
        println!("{}", style::good("Every exercise is done. Well done!"));
        return Ok(0);
    };
    let mut current: &Exercise = first;
    let screen = Screen::new();
    let (sender, events): (Sender<Event>, Receiver<Event>) = mpsc::channel();
    read_keys(screen.raw, sender.clone());
    let mut watcher = watch_lesson(workbook, &current.lesson, &sender)?;
    let mut checked = watched_fingerprint(workbook, current);
    let mut verdict = check(workbook, current, timeout, &screen, &mut progress)?;

    while let Ok(event) = events.recv() {
        match event {
            Event::Quit | Event::Key('q') => break,
            Event::Changed | Event::Key('r') => {
                // Saves that arrived while checking are covered by the check about to run.
                while let Ok(Event::Changed) = events.try_recv() {}
                // The watcher also reports files being read (the compiler reads them on every
                // check); only a real change of contents is a reason to check again.
                let contents = watched_fingerprint(workbook, current);
                if matches!(event, Event::Changed) && contents == checked {
                    continue;
                }
                checked = contents;
                verdict = check(workbook, current, timeout, &screen, &mut progress)?;
            }
            Event::Key('h') => screen.say(&format!(
                "\nHint for {}:\n{}\n\n{KEYS}",
                style::bold(&current.name),
                current.hint.trim()
            )),
            Event::Key('n') if verdict.passed() => {
                let Some(next) = progress.next(workbook) else {
                    screen.say(&style::good("\nEvery exercise is done. Well done!"));
                    break;
                };
                if next.lesson != current.lesson {
                    watcher = watch_lesson(workbook, &next.lesson, &sender)?;
                }
                current = next;
                checked = watched_fingerprint(workbook, current);
                verdict = check(workbook, current, timeout, &screen, &mut progress)?;
            }
            Event::Key('n') => screen.say(&format!(
                "\n{} is not done yet: `n` moves on once it passes (`h` for a hint).",
                current.name
            )),
            Event::Key('l') => {
                for exercise in &workbook.exercises {
                    let mark = if exercise.name == current.name {
                        "▶"
                    } else {
                        " "
                    };
                    screen.say(&format!(
                        "{mark} {:<4} {:<24} {}",
                        exercise.id,
                        exercise.name,
                        exercise.file().display()
                    ));
                }
                screen.say(&format!("\n{KEYS}"));
            }
            Event::Key('c') => {
                screen.say("\nChecking every exercise...");
                let lessons = workbook.lessons();
                let verdicts =
                    grade::check_lessons(workbook, &lessons, CheckOptions::learner(timeout))?
                        .verdicts;
                let all: Vec<&Exercise> = workbook.exercises.iter().collect();
                let passed =
                    report::verdicts(workbook, &all, &verdicts, &mut progress, &mut |line| {
                        screen.say(line);
                    });
                screen.say(&format!(
                    "\n{passed} of {} exercises pass.\n{KEYS}",
                    workbook.exercises.len()
                ));
            }
            Event::Key(_) => screen.say(KEYS),
        }
    }
    drop(watcher);
    drop(screen);
    println!();
    let _ = report::status(workbook);
    Ok(0)
}

/// A fingerprint of what the current exercise's verdict depends on, to tell a real change from
/// a read: its own file and the lesson's other sources and manifest, but not the other
/// exercises' files (saving one exercise does not re-check another) or the catalogue of wrong
/// answers.
fn watched_fingerprint(workbook: &Workbook, exercise: &Exercise) -> u64 {
    fn walk(dir: &Path, skip: &dyn Fn(&Path) -> bool, files: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if skip(&path) {
                continue;
            }
            if path.is_dir() {
                walk(&path, skip, files);
            } else if path.extension().is_some_and(|e| e == "rs" || e == "toml") {
                files.push(path);
            }
        }
    }
    let lesson = workbook.root.join("lessons").join(&exercise.lesson);
    let own = workbook.root.join(exercise.file());
    let exercises = lesson.join("src/exercises");
    let skip = |path: &Path| {
        let name = path.file_name().unwrap_or_default();
        name == "target"
            || name == "wrong"
            || (path.parent() == Some(exercises.as_path()) && name != "mod.rs" && path != own)
    };
    let mut files = Vec::new();
    walk(&lesson, &skip, &mut files);
    files.sort();
    let mut hasher = DefaultHasher::new();
    for file in files {
        file.hash(&mut hasher);
        fingerprint(&file).hash(&mut hasher);
    }
    hasher.finish()
}

/// Checks the current exercise, shows the verdict, and records it.
fn check(
    workbook: &Workbook,
    exercise: &Exercise,
    timeout: Duration,
    screen: &Screen,
    progress: &mut Progress,
) -> Result<Verdict, Problem> {
    screen.clear();
    screen.say(&format!(
        "Checking {}: {} {}...",
        exercise.lesson, exercise.id, exercise.name
    ));
    let verdict = grade::check_one(workbook, exercise, timeout)?;
    progress.record(workbook, exercise, verdict.word());
    progress.save();
    screen.say(&verdict.explain(exercise));
    if verdict.passed() {
        screen.say("\nPress n for the next exercise.");
    } else {
        screen.say(&format!(
            "\nWatching lessons/{} for changes.",
            exercise.lesson
        ));
    }
    screen.say(KEYS);
    Ok(verdict)
}
