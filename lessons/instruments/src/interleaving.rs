//! Interleavings made visible: the steps of a failing loom execution, one column a thread.
//!
//! A lesson's loom check compiles the learner's exercise file a second time beside a `mod sync`
//! that re-exports [`sync`] (with the `loom` feature): thin wrappers around loom's `Mutex`,
//! `Condvar` and atomics, with std's API, that write every operation into the log of the
//! execution loom is running (which thread locked, unlocked, waited, woke, notified, loaded or
//! stored what, and the value it saw). [`explore`] runs a model through every interleaving and,
//! when one breaks the model's invariant ([`broken`]), panics, deadlocks or spins, returns a
//! [`Failure`] holding that execution's steps, which [`Failure::render`] draws as columns:
//!
//! ```text
//!  step  thread 1                         │ thread 2
//!     1  load count = 0                   │
//!     2                                   │ load count = 0
//!     3  store 1 in count                 │
//!     4                                   │ store 1 in count
//!  ...
//!  => the count ended at 3, not 4
//! ```
//!
//! Loom runs one execution at a time, all its threads on the one OS thread that called
//! [`explore`], so the log is kept per OS thread and cleared at the start of every execution.
//!
//! [`foreign_sync_paths`] (no feature needed) finds every place a source file reaches a sync type
//! other than through `crate::sync`, whatever the import's spelling, so a check can refuse an
//! answer that would hide its locks from loom.

use std::fmt::Write as _;

/// One thing one thread did, in the order the execution did it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The thread's column (an index into the thread names).
    pub thread: usize,
    /// What it did, e.g. `locks account 0 = 5` or `load count = 3`.
    pub action: String,
}

/// What a step did to shared state, for putting a weak-memory execution in an order a reader
/// can follow (see [`explained_order`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Effect {
    /// The atomic it read and the value it saw.
    pub reads: Option<(usize, String)>,
    /// The atomic it wrote and the value it left.
    pub writes: Option<(usize, String)>,
    /// A lock, unlock, wait or notify: these keep their order among themselves.
    pub sync: bool,
}

/// An order of `steps` that keeps each thread's own order, each lock/unlock/wait/notify's order,
/// and each atomic's order of writes, and in which every read sees the value last written before
/// it (`initial` gives each atomic's value before any write). Loom explores a weak memory model:
/// a `Relaxed` load may read an older value, and the execution it reports can show a thread
/// loading 0 after another stored 2. Put in this order, the same execution reads as the plain
/// interleaving it is equivalent to. `None` if there is none (the execution needs weak memory
/// to explain it) or the search is too long.
pub fn explained_order(
    steps: &[(usize, Effect)],
    initial: &std::collections::HashMap<usize, String>,
) -> Option<Vec<usize>> {
    use std::collections::HashMap;
    let threads = steps.iter().map(|(t, _)| t + 1).max().unwrap_or(0);
    let mut queues: Vec<Vec<usize>> = vec![Vec::new(); threads];
    let mut writes: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut syncs = Vec::new();
    for (index, (thread, effect)) in steps.iter().enumerate() {
        queues[*thread].push(index);
        if let Some((object, _)) = &effect.writes {
            writes.entry(*object).or_default().push(index);
        }
        if effect.sync {
            syncs.push(index);
        }
    }
    struct Search<'a> {
        steps: &'a [(usize, Effect)],
        queues: Vec<Vec<usize>>,
        writes: HashMap<usize, Vec<usize>>,
        syncs: Vec<usize>,
        budget: usize,
    }
    impl Search<'_> {
        fn go(
            &mut self,
            heads: &mut Vec<usize>,
            written: &mut HashMap<usize, usize>,
            values: &mut HashMap<usize, String>,
            synced: usize,
            order: &mut Vec<usize>,
        ) -> bool {
            if order.len() == self.steps.len() {
                return true;
            }
            if self.budget == 0 {
                return false;
            }
            self.budget -= 1;
            let mut candidates: Vec<usize> = (0..heads.len())
                .filter_map(|t| self.queues[t].get(heads[t]).copied())
                .collect();
            candidates.sort_unstable();
            for step in candidates {
                let (thread, effect) = &self.steps[step];
                if let Some((object, value)) = &effect.reads {
                    if values.get(object) != Some(value) {
                        continue;
                    }
                }
                if let Some((object, _)) = &effect.writes {
                    let next = written.get(object).copied().unwrap_or(0);
                    if self.writes[object].get(next) != Some(&step) {
                        continue;
                    }
                }
                if effect.sync && self.syncs.get(synced) != Some(&step) {
                    continue;
                }
                let previous = effect.writes.as_ref().map(|(object, value)| {
                    *written.entry(*object).or_default() += 1;
                    (*object, values.insert(*object, value.clone()))
                });
                heads[*thread] += 1;
                order.push(step);
                let synced_now = synced + usize::from(effect.sync);
                if self.go(heads, written, values, synced_now, order) {
                    return true;
                }
                order.pop();
                heads[*thread] -= 1;
                if let Some((object, value)) = previous {
                    *written.get_mut(&object).expect("counted above") -= 1;
                    match value {
                        Some(value) => values.insert(object, value),
                        None => values.remove(&object),
                    };
                }
            }
            false
        }
    }
    let mut search = Search {
        steps,
        queues,
        writes,
        syncs,
        budget: 200_000,
    };
    let mut order = Vec::with_capacity(steps.len());
    let found = search.go(
        &mut vec![0; threads],
        &mut HashMap::new(),
        &mut initial.clone(),
        0,
        &mut order,
    );
    found.then_some(order)
}

/// The widest a column gets; a longer action is cut with `…`.
const COLUMN: usize = 34;
/// The most steps drawn; the earlier ones are counted, not drawn.
const ROWS: usize = 48;

/// Draws `steps` with one column per thread (a thread that did nothing gets no column), one row
/// per step, numbered, and `ending` below: what went wrong at the end of these steps.
pub fn columns(threads: &[String], steps: &[Step], ending: &str) -> String {
    let used: Vec<usize> = (0..threads.len())
        .filter(|&thread| steps.iter().any(|step| step.thread == thread))
        .collect();
    let width = |thread: usize| {
        steps
            .iter()
            .filter(|step| step.thread == thread)
            .map(|step| step.action.chars().count())
            .chain([threads[thread].chars().count()])
            .max()
            .unwrap_or(0)
            .min(COLUMN)
    };
    let widths: Vec<usize> = used.iter().map(|&thread| width(thread)).collect();
    let mut out = String::new();
    let row = |out: &mut String, number: &str, cells: Vec<&str>| {
        let _ = write!(out, "{number:>5}  ");
        let last = cells.len().saturating_sub(1);
        for (index, (cell, width)) in cells.iter().zip(&widths).enumerate() {
            let cell = cut(cell, *width);
            if index == last {
                out.push_str(cell.trim_end());
            } else {
                let _ = write!(out, "{cell:<width$} │ ");
            }
        }
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        out.push('\n');
    };
    row(
        &mut out,
        "step",
        used.iter().map(|&t| threads[t].as_str()).collect(),
    );
    let skipped = steps.len().saturating_sub(ROWS);
    if skipped > 0 {
        let _ = writeln!(out, "{:>5}  ({skipped} earlier steps not shown)", "…");
    }
    for (number, step) in steps.iter().enumerate().skip(skipped) {
        let cells = used
            .iter()
            .map(|&t| {
                if t == step.thread {
                    step.action.as_str()
                } else {
                    ""
                }
            })
            .collect();
        row(&mut out, &(number + 1).to_string(), cells);
    }
    let _ = writeln!(out, "   =>  {ending}");
    out
}

fn cut(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// A place where a source file reaches a sync type some other way than through `crate::sync`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Foreign {
    /// The line (from 1).
    pub line: usize,
    /// The line's text, trimmed.
    pub text: String,
    /// What was found there, e.g. `std::sync` or `parking_lot`.
    pub found: String,
}

/// Finds every path in `source` (comments and string literals aside) that can reach a lock or
/// an atomic without going through `crate::sync`: any `sync` segment not written right after
/// `crate::` (so `std::sync::Mutex`, `use std::{sync::Mutex}`, `use std as s; s::sync`,
/// `use std::*; sync::Mutex`, `core::sync::atomic` all count), any other `crate::` or `super::`
/// path (the lesson's private imports), and the crates that have locks of their own.
pub fn foreign_sync_paths(source: &str) -> Vec<Foreign> {
    let tokens = tokens(source);
    let lines: Vec<&str> = source.lines().collect();
    let mut found = Vec::new();
    let mut note = |line: usize, what: String| {
        if !found
            .iter()
            .any(|f: &Foreign| f.line == line && f.found == what)
        {
            found.push(Foreign {
                line,
                text: lines
                    .get(line - 1)
                    .map(|text| text.trim().to_owned())
                    .unwrap_or_default(),
                found: what,
            });
        }
    };
    for (index, (line, word)) in tokens.iter().enumerate() {
        let before = |back: usize| {
            index
                .checked_sub(back)
                .map(|at| tokens[at].1.as_str())
                .unwrap_or("")
        };
        let after = tokens.get(index + 2).map(|(_, w)| w.as_str()).unwrap_or("");
        match word.as_str() {
            "sync" if !in_crate_path(&tokens, index) => {
                let from = if before(1) == "::" { before(2) } else { "" };
                let path = if from.is_empty() {
                    "sync".to_owned()
                } else {
                    format!("{from}::sync")
                };
                note(*line, path);
            }
            "crate" if tokens.get(index + 1).is_some_and(|(_, w)| w == "::") => {
                if after == "{" {
                    // `crate::{sync::Mutex, ...}`: every item of the group must start with `sync`.
                    let mut depth = 0;
                    let mut item_start = true;
                    for (at, word) in tokens.iter().skip(index + 2) {
                        match word.as_str() {
                            "{" => {
                                depth += 1;
                                item_start = depth == 1;
                                continue;
                            }
                            "}" if depth == 1 => break,
                            "}" => depth -= 1,
                            "," if depth == 1 => {
                                item_start = true;
                                continue;
                            }
                            item if item_start && item != "sync" => {
                                note(*at, format!("crate::{item}"));
                            }
                            _ => {}
                        }
                        item_start = false;
                    }
                } else if after != "sync" {
                    note(*line, format!("crate::{after}"));
                }
            }
            "super" => note(*line, "super".to_owned()),
            "parking_lot" | "crossbeam" | "crossbeam_utils" | "spin" | "tokio" | "instruments"
            | "lock_api" => note(*line, word.clone()),
            _ => {}
        }
    }
    found
}

/// Whether the `sync` at `index` is reached from `crate`: `crate::sync`, or an item of a
/// `crate::{...}` group.
fn in_crate_path(tokens: &[(usize, String)], index: usize) -> bool {
    let word = |at: usize| tokens.get(at).map_or("", |(_, w)| w.as_str());
    if index >= 2 && word(index - 1) == "::" && word(index - 2) == "crate" {
        return true;
    }
    // Walk back to the `{` opening this group, at depth 0, then look for `crate ::` before it.
    let mut depth = 0;
    for at in (0..index).rev() {
        match word(at) {
            "}" => depth += 1,
            "{" if depth == 0 => {
                return at >= 2
                    && word(at - 1) == "::"
                    && word(at - 2) == "crate"
                    && matches!(word(index - 1), "{" | ",");
            }
            "{" => depth -= 1,
            ";" => return false,
            _ => {}
        }
    }
    false
}

/// The identifiers and `::`, `{` of `source`, with their lines, skipping comments, strings and
/// character literals.
fn tokens(source: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied().unwrap_or('\0');
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c == '/' && next == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == '*' {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if chars[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
        } else if c == 'r' && (next == '"' || next == '#') && raw_string_at(&chars, i) {
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            j += 1; // the opening quote
            while j < chars.len() {
                if chars[j] == '"' && (1..=hashes).all(|h| chars.get(j + h) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                if chars[j] == '\n' {
                    line += 1;
                }
                j += 1;
            }
            i = j;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                if chars.get(i) == Some(&'\n') {
                    line += 1;
                }
                i += 1;
            }
            i += 1;
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{1F600}') or a lifetime ('a): skip the former.
            if next == '\\' {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push((line, chars[start..i].iter().collect()));
        } else if c == ':' && next == ':' {
            out.push((line, "::".to_owned()));
            i += 2;
        } else if c.is_whitespace() {
            i += 1;
        } else {
            out.push((line, c.to_string()));
            i += 1;
        }
    }
    out
}

/// Whether the `r` at `at` opens a raw string (`r"`, `r#"`), not an identifier ending in `r`.
fn raw_string_at(chars: &[char], at: usize) -> bool {
    let starts_word = at == 0 || !(chars[at - 1].is_alphanumeric() || chars[at - 1] == '_');
    let mut j = at + 1;
    while chars.get(j) == Some(&'#') {
        j += 1;
    }
    starts_word && chars.get(j) == Some(&'"')
}

#[cfg(feature = "loom")]
pub use recorded::{Ending, Explored, Failure, JoinHandle, Model, broken, explore, spawn, sync};

/// The recording side (with the `loom` feature): the wrappers, the per-execution log, and the
/// model runner that turns a failing execution into a [`Failure`].
#[cfg(feature = "loom")]
mod recorded {
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::panic::{self, AssertUnwindSafe};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::thread;

    use super::{Effect, Step, columns, explained_order};

    /// How a model is explored, and what its objects are called in the steps.
    ///
    /// An object is named from its kind's name and its number in order of creation within the
    /// execution: a name with `#` gets the number in its place (`"account #"`: `account 0`,
    /// `account 1`), a name without is used as is for the first (`"count"`), numbered after.
    #[derive(Debug, Clone)]
    pub struct Model {
        pub mutexes: &'static str,
        pub condvars: &'static str,
        pub atomics: &'static str,
        /// Loom's preemption bound: how many times a thread may be switched out while it could
        /// go on. 2 or 3 finds the classic bugs and keeps a model fast.
        pub preemption_bound: Option<usize>,
        /// How many scheduling decisions one execution may take before loom gives up on it: a
        /// thread that spins waiting for another exceeds it.
        pub max_branches: usize,
    }

    impl Default for Model {
        fn default() -> Self {
            Model {
                mutexes: "mutex #",
                condvars: "condvar #",
                atomics: "atomic #",
                preemption_bound: Some(3),
                max_branches: 1_000,
            }
        }
    }

    /// What a model that never failed explored.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Explored {
        /// Executions (interleavings) loom ran.
        pub executions: usize,
    }

    /// How the failing execution ended.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum Ending {
        /// The model's own invariant, from [`broken`].
        Broken(String),
        /// Every thread left was waiting: for a lock (who holds it) or on a condvar.
        Deadlock(Vec<String>),
        /// A thread kept going round without ever waiting for another: loom gave up.
        Spin,
        /// A thread panicked (an arithmetic overflow, an `unwrap`, a `todo!()`), with its message.
        Panic(String),
    }

    /// A failing execution: its threads (columns), its steps, and how it ended.
    #[derive(Debug, Clone)]
    pub struct Failure {
        /// Executions loom ran, the failing one included.
        pub executions: usize,
        pub threads: Vec<String>,
        pub steps: Vec<Step>,
        pub ending: Ending,
    }

    impl Failure {
        /// The last line under the steps: what went wrong.
        pub fn summary(&self) -> String {
            match &self.ending {
                Ending::Broken(what) => what.clone(),
                Ending::Deadlock(waits) => format!(
                    "deadlock, every thread left is waiting: {}. A real run hangs here.",
                    waits.join("; ")
                ),
                Ending::Spin => "loom gave up: a thread went round and round without ever \
                                 sleeping until another thread let it go on (busy waiting)"
                    .to_owned(),
                Ending::Panic(message) => format!("a thread panicked: {message}"),
            }
        }

        /// The steps, one column a thread, and the summary below them.
        pub fn render(&self) -> String {
            columns(&self.threads, &self.steps, &self.summary())
        }

        /// Whether a thread was left waiting for the lock called `name`.
        pub fn waited_for(&self, name: &str) -> bool {
            matches!(&self.ending, Ending::Deadlock(waits)
                if waits.iter().any(|w| w.contains(&format!("waits for {name} "))))
        }
    }

    /// The log of the execution loom is running on this OS thread.
    #[derive(Default)]
    struct Log {
        names: [&'static str; 3],
        created: [usize; 3],
        threads: Vec<(loom::thread::ThreadId, String)>,
        steps: Vec<Step>,
        /// What each step did to shared state.
        effects: Vec<Effect>,
        /// atomic -> its value when created.
        initial: HashMap<usize, String>,
        /// atomic -> the value last written to it, in the log's order.
        last: HashMap<usize, String>,
        /// Whether some load read a value other than the one last written (allowed by a weak
        /// ordering, but harder to follow: such an execution is shown only if no other fails).
        stale: bool,
        /// mutex -> the thread holding it.
        holder: HashMap<usize, usize>,
        /// thread -> the mutex it waits for.
        waits_for: HashMap<usize, usize>,
        /// thread -> the condvar it sleeps on.
        sleeps_on: HashMap<usize, usize>,
        /// condvar -> wakeups notified and not yet taken by a sleeper.
        pending: HashMap<usize, usize>,
        /// thread -> the thread it joins.
        joins: HashMap<usize, usize>,
        /// Threads that have finished.
        finished: Vec<usize>,
    }

    const MUTEX: usize = 0;
    const CONDVAR: usize = 1;
    const ATOMIC: usize = 2;

    thread_local! {
        static LOG: RefCell<Log> = RefCell::new(Log::default());
    }

    impl Log {
        fn name(&self, kind: usize, id: usize) -> String {
            let name = self.names[kind];
            if name.contains('#') {
                name.replace('#', &id.to_string())
            } else if id == 0 {
                name.to_owned()
            } else {
                format!("{name} {id}")
            }
        }

        fn thread(&mut self) -> usize {
            let current = loom::thread::current();
            let id = current.id();
            if let Some(index) = self.threads.iter().position(|(known, _)| *known == id) {
                return index;
            }
            let name = current
                .name()
                .map_or_else(|| format!("{id:?}"), str::to_owned);
            self.threads.push((id, name));
            self.threads.len() - 1
        }

        /// Records a lock, unlock, wait or notify.
        fn step(&mut self, thread: usize, action: String) {
            self.effect(
                thread,
                action,
                Effect {
                    sync: true,
                    ..Effect::default()
                },
            );
        }

        fn effect(&mut self, thread: usize, action: String, effect: Effect) {
            self.steps.push(Step { thread, action });
            self.effects.push(effect);
        }

        /// A copy to keep: if some load read an older value, its steps are put in the order
        /// that explains them, when there is one.
        fn snapshot(&self) -> Log {
            let mut kept = Log {
                names: self.names,
                created: self.created,
                threads: self.threads.clone(),
                steps: self.steps.clone(),
                effects: self.effects.clone(),
                initial: self.initial.clone(),
                last: HashMap::new(),
                stale: self.stale,
                holder: self.holder.clone(),
                waits_for: self.waits_for.clone(),
                sleeps_on: self.sleeps_on.clone(),
                pending: self.pending.clone(),
                joins: self.joins.clone(),
                finished: self.finished.clone(),
            };
            if kept.stale {
                let steps: Vec<(usize, Effect)> = kept
                    .steps
                    .iter()
                    .zip(&kept.effects)
                    .map(|(step, effect)| (step.thread, effect.clone()))
                    .collect();
                if let Some(order) = explained_order(&steps, &kept.initial) {
                    kept.steps = order.iter().map(|&i| self.steps[i].clone()).collect();
                    kept.effects = order.iter().map(|&i| self.effects[i].clone()).collect();
                    kept.stale = false;
                }
            }
            kept
        }

        fn thread_name(&self, thread: usize) -> &str {
            &self.threads[thread].1
        }

        fn deadlock(&self) -> Vec<String> {
            let mut waits = Vec::new();
            for (thread, (_, name)) in self.threads.iter().enumerate() {
                let mut held: Vec<String> = self
                    .holder
                    .iter()
                    .filter(|(_, holder)| **holder == thread)
                    .map(|(mutex, _)| self.name(MUTEX, *mutex))
                    .collect();
                held.sort();
                let holds = if held.is_empty() {
                    String::new()
                } else {
                    format!("holds {} and ", held.join(", "))
                };
                if let Some(mutex) = self.waits_for.get(&thread) {
                    let by = match self.holder.get(mutex) {
                        Some(holder) if holder == &thread => "itself".to_owned(),
                        Some(holder) => self.thread_name(*holder).to_owned(),
                        None => "nobody".to_owned(),
                    };
                    waits.push(format!(
                        "{name} {holds}waits for {} (held by {by})",
                        self.name(MUTEX, *mutex)
                    ));
                } else if let Some(condvar) = self.sleeps_on.get(&thread) {
                    waits.push(format!(
                        "{name} {holds}sleeps on {}, and no thread is left to notify it",
                        self.name(CONDVAR, *condvar)
                    ));
                } else if let Some(joined) = self.joins.get(&thread) {
                    waits.push(format!(
                        "{name} {holds}waits for {} to finish",
                        self.thread_name(*joined)
                    ));
                }
            }
            waits
        }

        /// Whether no thread could go on: each has finished, or waits for a lock whose holder
        /// cannot go on, or sleeps on a condvar with no wakeup pending, or joins a thread that
        /// has not finished. Loom would then abort the process ("deadlock"), so the recorder
        /// ends the execution itself first (see [`block`]).
        fn stuck(&self) -> bool {
            (0..self.threads.len()).all(|thread| {
                if self.finished.contains(&thread) {
                    return true;
                }
                if let Some(mutex) = self.waits_for.get(&thread) {
                    return self.holder.contains_key(mutex);
                }
                if let Some(condvar) = self.sleeps_on.get(&thread) {
                    return self.pending.get(condvar).copied().unwrap_or(0) == 0;
                }
                if let Some(joined) = self.joins.get(&thread) {
                    return !self.finished.contains(joined);
                }
                false
            })
        }
    }

    /// Called by the current thread just before it blocks (its wait is already in the log): if
    /// every thread is now stuck, records the execution as a deadlock and ends it.
    fn block() {
        let stuck = with_log(|log| log.stuck().then(|| (log.snapshot(), log.deadlock())));
        if let Some((log, waits)) = stuck {
            BEST.with(|best| {
                let mut best = best.borrow_mut();
                if !best
                    .as_ref()
                    .is_some_and(|b| matches!(b.ending, Ending::Broken(_)))
                {
                    *best = Some(Best {
                        log,
                        ending: Ending::Deadlock(waits),
                    });
                }
            });
            // Unwinding must not release loom locks (that would wake a blocked loom thread in
            // the middle of a panic, and abort the process): guards leak from here on.
            ENDING.with(|ending| ending.set(true));
            panic::panic_any(Stop);
        }
    }

    /// The failing execution to show: the first whose loads all read the latest write, or else
    /// the first of all.
    struct Best {
        log: Log,
        ending: Ending,
    }

    thread_local! {
        static BEST: RefCell<Option<Best>> = const { RefCell::new(None) };
    }

    thread_local! {
        /// Set when the recorder ends an execution itself: guards then leak their locks.
        static ENDING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    /// A payload that stops loom early, once a clear failing execution is in hand.
    struct Stop;

    fn with_log<R>(f: impl FnOnce(&mut Log) -> R) -> R {
        LOG.with(|log| f(&mut log.borrow_mut()))
    }

    fn create(kind: usize) -> usize {
        with_log(|log| {
            let id = log.created[kind];
            log.created[kind] += 1;
            id
        })
    }

    /// Records one step of the current thread; `describe` gets the log to name things.
    fn record(describe: impl FnOnce(&Log) -> String) {
        with_log(|log| {
            let thread = log.thread();
            let action = describe(log);
            log.step(thread, action);
        });
    }

    /// Marks the execution being explored as failing: `what` says which invariant broke (it is
    /// the last line under the steps). Call it from inside the model; the execution goes on
    /// (a panic or a deadlock after it is not reported over it), and loom stops at the start of
    /// the next one if this one is easy to follow (every load read the latest write).
    pub fn broken(what: impl Into<String>) {
        let what = what.into();
        let log = with_log(|log| log.snapshot());
        BEST.with(|best| {
            let mut best = best.borrow_mut();
            let better = match &*best {
                None => true,
                Some(kept) => kept.log.stale && !log.stale,
            };
            if better {
                *best = Some(Best {
                    log,
                    ending: Ending::Broken(what),
                });
            }
        });
    }

    /// Notes that atomic `id` now holds `value`.
    fn wrote(id: usize, value: String) {
        with_log(|log| {
            log.last.insert(id, value);
        });
    }

    /// Notes that atomic `id` was created holding `value`.
    fn created(id: usize, value: String) {
        with_log(|log| {
            log.initial.insert(id, value.clone());
            log.last.insert(id, value);
        });
    }

    /// Records one atomic operation of the current thread.
    fn record_atomic(effect: Effect, describe: impl FnOnce(&Log) -> String) {
        with_log(|log| {
            let thread = log.thread();
            let action = describe(log);
            log.effect(thread, action, effect);
        });
    }

    /// Notes that a load of atomic `id` read `value`.
    fn read(id: usize, value: &str) {
        with_log(|log| {
            if log.last.get(&id).is_some_and(|last| last != value) {
                log.stale = true;
            }
        });
    }

    /// Spawns a loom thread whose column is headed `name`.
    pub fn spawn<T: Send + 'static>(
        name: &str,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> JoinHandle<T> {
        let handle = loom::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let value = work();
                with_log(|log| {
                    let thread = log.thread();
                    log.finished.push(thread);
                });
                value
            })
            .expect("a loom thread starts");
        let id = handle.thread().id();
        with_log(|log| {
            if !log.threads.iter().any(|(known, _)| *known == id) {
                log.threads.push((id, name.to_owned()));
            }
        });
        JoinHandle { handle }
    }

    /// A thread started by [`spawn`]; joining it is recorded, so a deadlock that leaves the
    /// joining thread waiting is seen.
    pub struct JoinHandle<T> {
        handle: loom::thread::JoinHandle<T>,
    }

    impl<T> JoinHandle<T> {
        /// Waits for the thread and returns what it returned; its panic is passed on.
        pub fn join(self) -> T {
            let id = self.handle.thread().id();
            with_log(|log| {
                let me = log.thread();
                if let Some(target) = log.threads.iter().position(|(known, _)| *known == id) {
                    log.joins.insert(me, target);
                }
            });
            block();
            let joined = self.handle.join();
            with_log(|log| {
                let me = log.thread();
                log.joins.remove(&me);
            });
            joined.unwrap_or_else(|payload| panic::resume_unwind(payload))
        }
    }

    /// Runs `body` through every interleaving loom makes of its threads' sync operations (on a
    /// fresh OS thread, so a failure leaves nothing behind) and returns how many it ran, or the
    /// first failing execution, step by step: one where `body` called [`broken`], a thread
    /// panicked, every thread ended up waiting (a deadlock or a lost wakeup), or a thread spun.
    pub fn explore(
        model: &Model,
        body: impl Fn() + Send + Sync + 'static,
    ) -> Result<Explored, Failure> {
        quiet_model_panics();
        let model = model.clone();
        ENDING.with(|ending| ending.set(false));
        thread::Builder::new()
            .name(MODEL_THREAD.to_owned())
            .spawn(move || explore_here(&model, body))
            .expect("the model's thread starts")
            .join()
            .unwrap_or_else(|payload| panic::resume_unwind(payload))
    }

    /// The name of the OS thread [`explore`] runs loom on.
    const MODEL_THREAD: &str = "loom model";

    /// Panics on the model's thread are what [`explore`] looks for, and it reports them itself
    /// (with the steps that led there): the default hook would print each one, with a backtrace,
    /// above the check's message. Every other thread's panics are printed as before.
    fn quiet_model_panics() {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            let previous = panic::take_hook();
            panic::set_hook(Box::new(move |info| {
                if thread::current().name() != Some(MODEL_THREAD) {
                    previous(info);
                }
            }));
        });
    }

    fn explore_here(
        model: &Model,
        body: impl Fn() + Send + Sync + 'static,
    ) -> Result<Explored, Failure> {
        let executions = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&executions);
        let names = [model.mutexes, model.condvars, model.atomics];
        let mut builder = loom::model::Builder::new();
        builder.preemption_bound = model.preemption_bound;
        builder.max_branches = model.max_branches;
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
            builder.check(move || {
                if BEST.with(|best| best.borrow().as_ref().is_some_and(|b| !b.log.stale)) {
                    // A clear failure is in hand (deadlocks are always kept): stop exploring.
                    panic::panic_any(Stop);
                }
                counted.fetch_add(1, Ordering::Relaxed);
                with_log(|log| {
                    *log = Log {
                        names,
                        ..Log::default()
                    };
                    log.threads
                        .push((loom::thread::current().id(), "main".to_owned()));
                });
                body();
            });
        }));
        let executions = executions.load(Ordering::Relaxed);
        let best = BEST.with(|best| best.borrow_mut().take());
        match (outcome, best) {
            (Ok(()), None) => Ok(Explored { executions }),
            (_, Some(Best { log, ending })) => Err(Failure {
                executions,
                threads: log.threads.into_iter().map(|(_, name)| name).collect(),
                steps: log.steps,
                ending,
            }),
            (Err(payload), None) => {
                let log = LOG.with(|log| log.borrow().snapshot());
                let ending = {
                    let message = payload
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                        .unwrap_or_default();
                    if message.starts_with("deadlock;") {
                        Ending::Deadlock(log.deadlock())
                    } else if message.contains("maximum number of branches") {
                        Ending::Spin
                    } else {
                        Ending::Panic(message)
                    }
                };
                Err(Failure {
                    executions,
                    threads: log.threads.into_iter().map(|(_, name)| name).collect(),
                    steps: log.steps,
                    ending,
                })
            }
        }
    }

    /// What a loom check's `mod sync` re-exports: std's API, loom's types, every step recorded.
    pub mod sync {
        use std::fmt;
        pub use std::sync::{LockResult, PoisonError, TryLockError, TryLockResult};

        pub use loom::sync::Arc;

        use super::{CONDVAR, MUTEX, create, record, with_log};
        use crate::lock_wrapper::map_lock;
        use std::collections::hash_map::Entry;

        /// loom's `Mutex`, each lock and unlock recorded with the value inside.
        pub struct Mutex<T> {
            inner: loom::sync::Mutex<T>,
            id: usize,
        }

        /// The guard of a recorded [`Mutex`]; dropping it records the unlock.
        pub struct MutexGuard<'a, T> {
            inner: Option<loom::sync::MutexGuard<'a, T>>,
            id: usize,
            show: fn(&T) -> String,
        }

        fn show<T: fmt::Debug>(value: &T) -> String {
            format!("{value:?}")
        }

        impl<T> Mutex<T> {
            pub fn new(value: T) -> Mutex<T> {
                Mutex {
                    inner: loom::sync::Mutex::new(value),
                    id: create(MUTEX),
                }
            }

            pub fn into_inner(self) -> LockResult<T> {
                self.inner.into_inner()
            }

            pub fn get_mut(&mut self) -> LockResult<&mut T> {
                self.inner.get_mut()
            }
        }

        impl<T: fmt::Debug> Mutex<T> {
            fn guard<'a>(&'a self, inner: loom::sync::MutexGuard<'a, T>) -> MutexGuard<'a, T> {
                let id = self.id;
                record(|log| format!("locks {} = {}", log.name(MUTEX, id), show(&*inner)));
                with_log(|log| {
                    let thread = log.thread();
                    log.holder.insert(id, thread);
                    log.waits_for.remove(&thread);
                });
                MutexGuard {
                    inner: Some(inner),
                    id,
                    show: show::<T>,
                }
            }

            pub fn lock(&self) -> LockResult<MutexGuard<'_, T>> {
                let id = self.id;
                with_log(|log| {
                    let thread = log.thread();
                    if let Some(&holder) = log.holder.get(&id) {
                        let by = if holder == thread {
                            "itself".to_owned()
                        } else {
                            log.thread_name(holder).to_owned()
                        };
                        let action = format!("waits for {} (held by {by})", log.name(MUTEX, id));
                        log.step(thread, action);
                        log.waits_for.insert(thread, id);
                    }
                });
                super::block();
                map_lock(self.inner.lock(), |inner| self.guard(inner))
            }

            pub fn try_lock(&self) -> TryLockResult<MutexGuard<'_, T>> {
                match self.inner.try_lock() {
                    Ok(inner) => Ok(self.guard(inner)),
                    Err(TryLockError::WouldBlock) => {
                        let id = self.id;
                        record(|log| format!("try_lock {} fails: held", log.name(MUTEX, id)));
                        Err(TryLockError::WouldBlock)
                    }
                    Err(TryLockError::Poisoned(poisoned)) => Err(TryLockError::Poisoned(
                        PoisonError::new(self.guard(poisoned.into_inner())),
                    )),
                }
            }
        }

        impl<T> Drop for MutexGuard<'_, T> {
            fn drop(&mut self) {
                // Recorded before loom's guard is dropped (after this), which is the moment
                // another thread can take the lock.
                if super::ENDING.with(std::cell::Cell::get) {
                    std::mem::forget(self.inner.take());
                    return;
                }
                if let Some(inner) = &self.inner {
                    let (id, value) = (self.id, (self.show)(inner));
                    record(|log| format!("unlocks {} = {value}", log.name(MUTEX, id)));
                    with_log(|log| log.holder.remove(&id));
                }
            }
        }

        crate::lock_wrapper_debug!(Mutex, MutexGuard);
        crate::lock_wrapper_deref!(MutexGuard);
        crate::lock_wrapper_condvar!(Condvar, MutexGuard);

        /// loom's `Condvar`, each wait, wakeup and notify recorded.
        pub struct Condvar {
            inner: loom::sync::Condvar,
            id: usize,
        }

        impl Condvar {
            pub fn new() -> Condvar {
                Condvar {
                    inner: loom::sync::Condvar::new(),
                    id: create(CONDVAR),
                }
            }

            pub fn wait<'a, T>(
                &self,
                mut guard: MutexGuard<'a, T>,
            ) -> LockResult<MutexGuard<'a, T>> {
                let (mutex, show) = (guard.id, guard.show);
                let inner = guard.inner.take().expect("a guard holds its lock");
                drop(guard);
                let id = self.id;
                with_log(|log| {
                    let thread = log.thread();
                    let action = format!(
                        "sleeps on {} (unlocks {})",
                        log.name(CONDVAR, id),
                        log.name(MUTEX, mutex)
                    );
                    log.step(thread, action);
                    log.holder.remove(&mutex);
                    log.sleeps_on.insert(thread, id);
                });
                super::block();
                let woken = |inner: loom::sync::MutexGuard<'a, T>| {
                    let value = show(&inner);
                    with_log(|log| {
                        let thread = log.thread();
                        let action = format!("wakes, locks {} = {value}", log.name(MUTEX, mutex));
                        log.step(thread, action);
                        if let Some(condvar) = log.sleeps_on.remove(&thread) {
                            if let Entry::Occupied(mut pending) = log.pending.entry(condvar) {
                                *pending.get_mut() = pending.get().saturating_sub(1);
                            }
                        }
                        log.holder.insert(mutex, thread);
                    });
                    MutexGuard {
                        inner: Some(inner),
                        id: mutex,
                        show,
                    }
                };
                map_lock(self.inner.wait(inner), woken)
            }

            fn notify(&self, which: &str) {
                let id = self.id;
                record(|log| {
                    let sleeping = log.sleeps_on.values().filter(|&&c| c == id).count();
                    format!("{which} {} ({sleeping} asleep)", log.name(CONDVAR, id))
                });
                with_log(|log| {
                    let sleeping = log.sleeps_on.values().filter(|&&c| c == id).count();
                    let pending = log.pending.entry(id).or_default();
                    *pending = if which == "notify_all" {
                        sleeping
                    } else {
                        (*pending + 1).min(sleeping)
                    };
                });
            }

            pub fn notify_one(&self) {
                self.notify("notify_one");
                self.inner.notify_one();
            }

            pub fn notify_all(&self) {
                self.notify("notify_all");
                self.inner.notify_all();
            }
        }

        /// loom's atomics, each operation recorded with the values it read and wrote.
        pub mod atomic {
            use std::fmt;

            pub use loom::sync::atomic::fence;
            pub use std::sync::atomic::Ordering;

            use super::super::{ATOMIC, Effect, create, created, read, record_atomic, wrote};

            fn effect(id: usize, reads: Option<String>, writes: Option<String>) -> Effect {
                Effect {
                    reads: reads.map(|value| (id, value)),
                    writes: writes.map(|value| (id, value)),
                    sync: false,
                }
            }

            macro_rules! recorded_atomics {
                ($($name:ident($int:ty)),* $(,)?) => {$(
                    #[doc = concat!("loom's `", stringify!($name), "`, every operation recorded.")]
                    pub struct $name {
                        inner: loom::sync::atomic::$name,
                        id: usize,
                    }

                    impl $name {
                        pub fn new(value: $int) -> Self {
                            let id = create(ATOMIC);
                            created(id, value.to_string());
                            $name { inner: loom::sync::atomic::$name::new(value), id }
                        }

                        fn note(
                            &self,
                            reads: Option<$int>,
                            writes: Option<$int>,
                            what: impl FnOnce(&str) -> String,
                        ) {
                            let id = self.id;
                            let effect =
                                effect(id, reads.map(|v| v.to_string()), writes.map(|v| v.to_string()));
                            record_atomic(effect, |log| what(&log.name(ATOMIC, id)));
                        }

                        pub fn into_inner(self) -> $int {
                            self.inner.into_inner()
                        }

                        pub fn load(&self, order: Ordering) -> $int {
                            let value = self.inner.load(order);
                            read(self.id, &value.to_string());
                            self.note(Some(value), None, |name| format!("load {name} = {value}"));
                            value
                        }

                        pub fn store(&self, value: $int, order: Ordering) {
                            self.note(None, Some(value), |name| format!("store {value} in {name}"));
                            wrote(self.id, value.to_string());
                            self.inner.store(value, order);
                        }

                        pub fn swap(&self, value: $int, order: Ordering) -> $int {
                            let old = self.inner.swap(value, order);
                            wrote(self.id, value.to_string());
                            self.note(Some(old), Some(value), |name| format!("swap {name}: {old} -> {value}"));
                            old
                        }

                        pub fn compare_exchange(
                            &self, current: $int, new: $int, success: Ordering, failure: Ordering,
                        ) -> Result<$int, $int> {
                            let result = self.inner.compare_exchange(current, new, success, failure);
                            if result.is_ok() {
                                wrote(self.id, new.to_string());
                            }
                            let (seen, left) = match result {
                                Ok(old) => (old, Some(new)),
                                Err(seen) => (seen, None),
                            };
                            self.note(Some(seen), left, |name| match result {
                                Ok(_) => format!("compare_exchange {name}: {current} -> {new}"),
                                Err(seen) => format!(
                                    "compare_exchange {name} fails: {seen}, not {current}"
                                ),
                            });
                            result
                        }

                        pub fn compare_exchange_weak(
                            &self, current: $int, new: $int, success: Ordering, failure: Ordering,
                        ) -> Result<$int, $int> {
                            self.compare_exchange(current, new, success, failure)
                        }

                        pub fn fetch_update<F: FnMut($int) -> Option<$int>>(
                            &self, set: Ordering, fetch: Ordering, mut f: F,
                        ) -> Result<$int, $int> {
                            let mut previous = self.load(fetch);
                            while let Some(next) = f(previous) {
                                match self.compare_exchange_weak(previous, next, set, fetch) {
                                    Ok(value) => return Ok(value),
                                    Err(seen) => previous = seen,
                                }
                            }
                            Err(previous)
                        }
                    }

                    recorded_atomics!(@fetch $name($int): fetch_add "+", fetch_sub "-",
                        fetch_max "max", fetch_min "min", fetch_and "&", fetch_or "|",
                        fetch_xor "^");

                    impl Default for $name {
                        fn default() -> Self {
                            $name::new(0)
                        }
                    }

                    impl fmt::Debug for $name {
                        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                            f.debug_struct(stringify!($name)).finish_non_exhaustive()
                        }
                    }
                )*};
                (@fetch $name:ident($int:ty): $($method:ident $op:literal),*) => {
                    impl $name {$(
                        pub fn $method(&self, value: $int, order: Ordering) -> $int {
                            let old = self.inner.$method(value, order);
                            let new = self.inner_after(old, value, $op);
                            wrote(self.id, new.to_string());
                            self.note(Some(old), Some(new), |name| {
                                format!("{} {name}: {old} -> {new}", stringify!($method))
                            });
                            old
                        }
                    )*}
                };
            }

            recorded_atomics!(
                AtomicU64(u64),
                AtomicUsize(usize),
                AtomicU32(u32),
                AtomicI64(i64),
                AtomicI32(i32),
                AtomicIsize(isize),
            );

            macro_rules! after {
                ($($name:ident($int:ty)),*) => {$(
                    impl $name {
                        fn inner_after(&self, old: $int, value: $int, op: &str) -> $int {
                            match op {
                                "+" => old.wrapping_add(value),
                                "-" => old.wrapping_sub(value),
                                "max" => old.max(value),
                                "min" => old.min(value),
                                "&" => old & value,
                                "|" => old | value,
                                _ => old ^ value,
                            }
                        }
                    }
                )*};
            }
            after!(
                AtomicU64(u64),
                AtomicUsize(usize),
                AtomicU32(u32),
                AtomicI64(i64),
                AtomicI32(i32),
                AtomicIsize(isize)
            );

            /// loom's `AtomicBool`, every operation recorded.
            pub struct AtomicBool {
                inner: loom::sync::atomic::AtomicBool,
                id: usize,
            }

            impl AtomicBool {
                pub fn new(value: bool) -> Self {
                    let id = create(ATOMIC);
                    created(id, value.to_string());
                    AtomicBool {
                        inner: loom::sync::atomic::AtomicBool::new(value),
                        id,
                    }
                }

                fn note(
                    &self,
                    reads: Option<bool>,
                    writes: Option<bool>,
                    what: impl FnOnce(&str) -> String,
                ) {
                    let id = self.id;
                    let effect = effect(
                        id,
                        reads.map(|v| v.to_string()),
                        writes.map(|v| v.to_string()),
                    );
                    record_atomic(effect, |log| what(&log.name(ATOMIC, id)));
                }

                pub fn load(&self, order: Ordering) -> bool {
                    let value = self.inner.load(order);
                    read(self.id, &value.to_string());
                    self.note(Some(value), None, |name| format!("load {name} = {value}"));
                    value
                }

                pub fn store(&self, value: bool, order: Ordering) {
                    self.note(None, Some(value), |name| format!("store {value} in {name}"));
                    wrote(self.id, value.to_string());
                    self.inner.store(value, order);
                }

                pub fn swap(&self, value: bool, order: Ordering) -> bool {
                    let old = self.inner.swap(value, order);
                    wrote(self.id, value.to_string());
                    self.note(Some(old), Some(value), |name| {
                        format!("swap {name}: {old} -> {value}")
                    });
                    old
                }

                pub fn compare_exchange(
                    &self,
                    current: bool,
                    new: bool,
                    success: Ordering,
                    failure: Ordering,
                ) -> Result<bool, bool> {
                    let result = self.inner.compare_exchange(current, new, success, failure);
                    let (seen, left) = match result {
                        Ok(old) => {
                            wrote(self.id, new.to_string());
                            (old, Some(new))
                        }
                        Err(seen) => (seen, None),
                    };
                    self.note(Some(seen), left, |name| match result {
                        Ok(_) => format!("compare_exchange {name}: {current} -> {new}"),
                        Err(seen) => format!("compare_exchange {name} fails: {seen}"),
                    });
                    result
                }

                pub fn compare_exchange_weak(
                    &self,
                    current: bool,
                    new: bool,
                    success: Ordering,
                    failure: Ordering,
                ) -> Result<bool, bool> {
                    self.compare_exchange(current, new, success, failure)
                }

                pub fn into_inner(self) -> bool {
                    self.inner.into_inner()
                }
            }

            impl Default for AtomicBool {
                fn default() -> Self {
                    AtomicBool::new(false)
                }
            }

            impl fmt::Debug for AtomicBool {
                fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.debug_struct("AtomicBool").finish_non_exhaustive()
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(thread: usize, action: &str) -> Step {
        Step {
            thread,
            action: action.to_owned(),
        }
    }

    #[test]
    fn columns_put_each_step_under_its_thread_and_end_with_the_verdict() {
        let threads = ["main".to_owned(), "thread 1".into(), "thread 2".into()];
        let steps = [
            step(1, "load count = 0"),
            step(2, "load count = 0"),
            step(1, "store 1 in count"),
            step(2, "store 1 in count"),
            step(0, "load count = 1"),
        ];
        let drawn = columns(&threads, &steps, "the count ended at 1, not 2");
        let expected = [
            " step  main           │ thread 1         │ thread 2",
            "    1                 │ load count = 0   │",
            "    2                 │                  │ load count = 0",
            "    3                 │ store 1 in count │",
            "    4                 │                  │ store 1 in count",
            "    5  load count = 1 │                  │",
            "   =>  the count ended at 1, not 2",
            "",
        ]
        .join("\n");
        assert_eq!(drawn, expected, "\n{drawn}");
    }

    #[test]
    fn idle_threads_get_no_column_and_long_runs_keep_their_end() {
        let threads = ["main".to_owned(), "thread 1".into()];
        let steps: Vec<Step> = (0..60).map(|n| step(1, &format!("lock {n}"))).collect();
        let drawn = columns(&threads, &steps, "spins");
        assert!(!drawn.contains("main"), "{drawn}");
        assert!(drawn.contains("(12 earlier steps not shown)"), "{drawn}");
        assert!(drawn.contains("   60  lock 59\n"), "{drawn}");
        assert!(!drawn.contains("lock 11\n"), "{drawn}");
        let long = [step(0, &"x".repeat(50))];
        let drawn = columns(&threads, &long, "end");
        assert!(
            drawn.contains(&format!("{}…", "x".repeat(COLUMN - 1))),
            "{drawn}"
        );
    }

    fn found(source: &str) -> Vec<String> {
        foreign_sync_paths(source)
            .into_iter()
            .map(|f| format!("{}:{}", f.line, f.found))
            .collect()
    }

    #[test]
    fn every_spelling_of_std_sync_is_found() {
        // (source, what is found: "line:path"), one spelling a case.
        let cases: &[(&str, &[&str])] = &[
            (
                "use crate::sync::{Mutex, atomic::{AtomicU64, Ordering}};",
                &[],
            ),
            (
                "use crate::sync::Mutex; // not std::sync\nfn f() { \"std::sync\"; }",
                &[],
            ),
            ("use std::sync::Mutex;", &["1:std::sync"]),
            ("use std::sync::{atomic::AtomicU64};", &["1:std::sync"]),
            ("use std::{sync::Mutex};", &["1:sync"]),
            ("use std::sync as s;\nuse s::Mutex;", &["1:std::sync"]),
            (
                "use std as s;\ntype M = s::sync::Mutex<u64>;",
                &["2:s::sync"],
            ),
            (
                "fn f() { let m = std::sync::Mutex::new(0); }",
                &["1:std::sync"],
            ),
            ("use ::core::sync::atomic::AtomicU64;", &["1:core::sync"]),
            ("use std::*;\nuse sync::Mutex;", &["2:sync"]),
            ("use crate::Mutex;", &["1:crate::Mutex"]),
            ("use crate::{sync::{Condvar, Mutex}};", &[]),
            ("use crate::{sync::Mutex, Condvar};", &["1:crate::Condvar"]),
            ("use super::super::Mutex;", &["1:super"]),
            ("use parking_lot::Mutex;", &["1:parking_lot"]),
            (
                "/* std::sync */ let c = 's'; let l: &'a str = r#\"std::sync\"#;\nstd::sync::Arc",
                &["2:std::sync"],
            ),
        ];
        for (source, expected) in cases {
            assert_eq!(found(source), *expected, "in {source:?}");
        }
    }
}
