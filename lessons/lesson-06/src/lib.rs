//! Lesson 06: locks, semaphores and deadlocks.
//!
//! The tutorials' advice, "use `with lock:` so a lock is always released", and their warning,
//! "deadlocks", made concrete. A `Mutex` lets one thread in; an `RwLock` lets readers in
//! together and writers alone. A guard releases its lock at the end of its scope, also when a
//! thread panics (which poisons the lock, and the lesson shows how to recover). Then the classic
//! deadlock, live: two threads transferring money in opposite directions, each holding one
//! account and waiting for the other. A watchdog ([`tracked`]) notices that nothing moves and
//! names who waits for whom; a global lock order (lower account id first) fixes it. The dining
//! philosophers deadlock, and are fixed, the same way.
//!
//! This file holds the code the chapter shows (between `ANCHOR` marks); `tracked.rs` holds the
//! lock wrapper and the watchdog; `exercises/` holds the learner's work (one file per exercise),
//! and `solutions/` the reference answers.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier, Mutex, PoisonError, RwLock};
use std::thread;
use std::time::{Duration, Instant};

use instruments::compare::{Columns, Compared, Comparison};
use instruments::runs::thousands;
use instruments::summary::max_concurrent;
use instruments::timeline::format_duration as shown;
use instruments::{Lesson, Recorder, Span};

#[cfg(not(feature = "solutions"))]
pub mod exercises;
#[cfg(feature = "solutions")]
#[path = "solutions/mod.rs"]
pub mod exercises;

pub mod tracked;

/// Where the exercises take their `Mutex`, `Condvar` and guards from: std's here. The loom checks
/// in `tests/exercises.rs` compile the exercise files a second time beside a `mod sync` that
/// re-exports loom's versions (wrapped so that every step is recorded), so loom can try every
/// interleaving of the learner's own locks, waits and wakeups.
pub mod sync {
    pub use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError, atomic};
}

use tracked::{Deadlock, GaveUp, Registry, TrackedMutex, Watchdog};

/// The label of a reader's span while it holds the lock.
pub const READS: &str = "reads";
/// The label of the writer's span while it holds the lock.
pub const WRITES: &str = "writes";

/// Marks the moment a thread arrives at a lock, so its timeline row starts there and the time it
/// then waits shows as `░`.
fn arrives(recorder: &Recorder, task: &str) {
    let now = recorder.now();
    recorder.push(task.to_owned(), "arrives".to_owned(), now, now);
}

// ANCHOR: readers_mutex
/// `readers` threads read a price list and one thread updates it, all behind one `Mutex`: only
/// one of them is inside at a time, readers included. Each holds the lock for `hold`.
pub fn read_and_write_with_mutex(readers: usize, hold: Duration, recorder: &Recorder) {
    let prices = Mutex::new(vec![3_u64, 5, 8]);
    on_threads(readers, hold, recorder, |reading| {
        if reading {
            let list = prices.lock().expect("no thread panics holding the prices");
            read(&list, hold, recorder) // the guard `list` is held all the while
        } else {
            let mut list = prices.lock().expect("no thread panics holding the prices");
            write(&mut list, hold, recorder)
        } // the guard is dropped here: the lock is released, as at the end of a `with` block
    });
}
// ANCHOR_END: readers_mutex

// ANCHOR: readers_rwlock
/// The same work behind an `RwLock`: `read()` lets any number of readers in together, `write()`
/// waits until it is alone.
pub fn read_and_write_with_rwlock(readers: usize, hold: Duration, recorder: &Recorder) {
    let prices = RwLock::new(vec![3_u64, 5, 8]);
    on_threads(readers, hold, recorder, |reading| {
        if reading {
            let list = prices.read().expect("no thread panics holding the prices");
            read(&list, hold, recorder) // other readers may be in here at the same time
        } else {
            let mut list = prices.write().expect("no thread panics holding the prices");
            write(&mut list, hold, recorder) // nobody else is in: no reader, no other writer
        }
    });
}
// ANCHOR_END: readers_rwlock

// ANCHOR: read_write
/// Reading the list: a span while the caller holds the lock, `hold` long.
fn read(list: &[u64], hold: Duration, recorder: &Recorder) -> u64 {
    let _span = recorder.span(current(), READS);
    thread::sleep(hold);
    list.len() as u64
}

/// Updating it, as long.
fn write(list: &mut Vec<u64>, hold: Duration, recorder: &Recorder) -> u64 {
    let _span = recorder.span(current(), WRITES);
    thread::sleep(hold);
    list.push(13);
    list.len() as u64
}
// ANCHOR_END: read_write

fn current() -> String {
    thread::current().name().unwrap_or("thread").to_owned()
}

/// Runs `readers` reading threads (`reader 1`, ...) and one writer (`writer`), started together
/// at a `Barrier`. The writer waits until every reader has arrived at the lock, then a quarter
/// of `hold` more, so the readers are first even on a busy machine, where a thread can start
/// late.
fn on_threads(
    readers: usize,
    hold: Duration,
    recorder: &Recorder,
    work: impl Fn(bool) -> u64 + Sync,
) {
    let starting_line = Barrier::new(readers + 1);
    let arrived = AtomicUsize::new(0);
    thread::scope(|scope| {
        for number in 0..=readers {
            let (work, starting_line, arrived) = (&work, &starting_line, &arrived);
            let name = if number < readers {
                format!("reader {}", number + 1)
            } else {
                "writer".to_owned()
            };
            thread::Builder::new()
                .name(name.clone())
                .spawn_scoped(scope, move || {
                    starting_line.wait();
                    let reading = number < readers;
                    if reading {
                        arrived.fetch_add(1, Ordering::SeqCst);
                    } else {
                        // Bounded: a reader that has not arrived within a second is not waited for.
                        let deadline = Instant::now() + Duration::from_secs(1);
                        while arrived.load(Ordering::SeqCst) < readers && Instant::now() < deadline
                        {
                            thread::sleep(Duration::from_micros(200));
                        }
                        thread::sleep(hold / 4);
                    }
                    arrives(recorder, &name);
                    work(reading)
                })
                .expect("a thread starts");
        }
    });
}

/// What poisoning did to an account, and what recovering from it found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Poisoning {
    /// Whether `lock()` returned `Err(PoisonError)` after the panic.
    pub was_poisoned: bool,
    /// The balance found through `PoisonError::into_inner`: the half-done transfer's work.
    pub balance_found: u64,
    /// Whether the lock was still poisoned after `clear_poison`.
    pub poisoned_after_clear: bool,
}

// ANCHOR: poison
/// A thread panics halfway through a transfer, while holding the account's lock. The guard is
/// dropped during the unwinding, so the lock *is* released (no thread waits forever), but it is
/// marked poisoned: the next `lock()` returns an error that says "the data behind this lock may
/// be half-updated". `into_inner` takes the guard anyway; `clear_poison` says "I repaired it".
pub fn poison_and_recover(balance: u64, withdrawn: u64) -> Poisoning {
    let account = Mutex::new(balance);
    thread::scope(|scope| {
        let crashed = scope.spawn(|| {
            let mut balance = account.lock().expect("not poisoned yet");
            *balance -= withdrawn; // the money left this account ...
            panic!("deliberate panic: the transfer crashed before paying it in anywhere");
        });
        assert!(crashed.join().is_err(), "the transfer thread panicked");
    });
    let was_poisoned = account.lock().is_err();
    let mut balance = account.lock().unwrap_or_else(PoisonError::into_inner);
    let balance_found = *balance;
    *balance += withdrawn; // repair: put back what the crashed transfer took out
    drop(balance);
    account.clear_poison();
    Poisoning {
        was_poisoned,
        balance_found,
        poisoned_after_clear: account.is_poisoned(),
    }
}
// ANCHOR_END: poison

/// A bank's accounts as tracked locks: `account 1 (alice)`, `account 2 (bob)`, each holding
/// `balance`.
pub fn open_accounts(balance: u64, registry: &Arc<Registry>) -> Vec<TrackedMutex<u64>> {
    ["account 1 (alice)", "account 2 (bob)"]
        .into_iter()
        .map(|name| TrackedMutex::new(name, balance, registry))
        .collect()
}

/// A way to move money between two accounts (indexes into the accounts), pausing for
/// `checking` between taking the first and the second lock.
pub type Transfer = fn(&[TrackedMutex<u64>], usize, usize, u64, Duration) -> Result<(), GaveUp>;

// ANCHOR: transfer_naive
/// Deliberately deadlock-prone: locks the account the money leaves, then the one it goes to.
/// Alice paying Bob locks alice then bob; Bob paying Alice locks bob then alice. If each takes
/// its first lock at the same moment, each waits for the lock the other holds, forever.
pub fn transfer_from_first(
    accounts: &[TrackedMutex<u64>],
    from: usize,
    to: usize,
    amount: u64,
    checking: Duration,
) -> Result<(), GaveUp> {
    let mut source = accounts[from].lock()?;
    thread::sleep(checking); // checking the balance (a database call, say), lock in hand
    let mut target = accounts[to].lock()?; // waits for `to` while holding `from`
    *source -= amount;
    *target += amount;
    Ok(())
}
// ANCHOR_END: transfer_naive

// ANCHOR: transfer_ordered
/// The fix: every transfer locks the account with the lower id first, whichever way the money
/// goes. Two transfers that need the same two accounts now ask for them in the same order, so
/// whoever gets the first lock is sure to get the second: a wait-for cycle cannot form.
pub fn transfer_lower_id_first(
    accounts: &[TrackedMutex<u64>],
    from: usize,
    to: usize,
    amount: u64,
    checking: Duration,
) -> Result<(), GaveUp> {
    let (low, high) = (from.min(to), from.max(to));
    let mut first = accounts[low].lock()?;
    thread::sleep(checking); // checking the balance (a database call, say), lock in hand
    let mut second = accounts[high].lock()?;
    let (source, target) = if from == low {
        (&mut *first, &mut *second)
    } else {
        (&mut *second, &mut *first)
    };
    *source -= amount;
    *target += amount;
    Ok(())
}
// ANCHOR_END: transfer_ordered

/// How a watched run ended.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Rounds each thread completed, in thread order.
    pub completed: Vec<u64>,
    /// The watchdog's report, if it saw a deadlock.
    pub deadlock: Option<Deadlock>,
}

impl Outcome {
    /// Rounds completed by all threads together.
    pub fn total(&self) -> u64 {
        self.completed.iter().sum()
    }
}

/// One round of a thread's work; an error means it gave up waiting for a lock.
pub type Round<'a> = Box<dyn Fn() -> Result<(), GaveUp> + Sync + 'a>;

// ANCHOR: run_watched
/// Runs each named thread's `round` up to `rounds` times, all started together, under a
/// watchdog. A thread stops early if a lock wait gives up (after the watchdog reports a
/// deadlock). Each thread records one span for the rounds it completed, and a point when it
/// gave up, so its timeline shows the stretch it spent stuck as `░`.
pub fn run_watched(
    registry: &Arc<Registry>,
    threads: Vec<(String, Round<'_>)>,
    rounds: u64,
    stall: Duration,
    recorder: &Recorder,
) -> Outcome {
    let watchdog = Watchdog::start(registry, stall);
    let starting_line = Barrier::new(threads.len());
    let completed = thread::scope(|scope| {
        let handles: Vec<_> = threads
            .iter()
            .map(|(name, round)| {
                let starting_line = &starting_line;
                thread::Builder::new()
                    .name(name.clone())
                    .spawn_scoped(scope, move || {
                        starting_line.wait();
                        let (start, mut done) = (recorder.now(), 0);
                        let mut last = start;
                        while done < rounds {
                            if round().is_err() {
                                let now = recorder.now();
                                recorder.push(name.clone(), "gave up".into(), now, now);
                                break;
                            }
                            done += 1;
                            last = recorder.now();
                        }
                        recorder.push(name.clone(), "working".into(), start, last);
                        done
                    })
                    .expect("a worker thread starts")
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a worker thread panicked"))
            .collect()
    });
    Outcome {
        completed,
        deadlock: watchdog.stop(),
    }
}
// ANCHOR_END: run_watched

/// Two threads, `alice pays bob` and `bob pays alice`, each making up to `per_thread`
/// transfers of 1 with `transfer`, each pausing for `checking` between its two locks. Returns the outcome and the money in the bank afterwards.
pub fn opposite_transfers(
    transfer: Transfer,
    per_thread: u64,
    checking: Duration,
    stall: Duration,
    recorder: &Recorder,
) -> (Outcome, u64) {
    let registry = Registry::new();
    let accounts = open_accounts(1_000_000, &registry);
    let outcome = {
        let accounts = &accounts;
        let threads: Vec<(String, Round<'_>)> = vec![
            (
                "alice pays bob".into(),
                Box::new(move || transfer(accounts, 0, 1, 1, checking)),
            ),
            (
                "bob pays alice".into(),
                Box::new(move || transfer(accounts, 1, 0, 1, checking)),
            ),
        ];
        run_watched(&registry, threads, per_thread, stall, recorder)
    };
    let total = accounts.into_iter().map(TrackedMutex::into_inner).sum();
    (outcome, total)
}

/// The philosophers at the table, in seat order; fork `i` lies between seat `i` and seat `i + 1`.
pub const PHILOSOPHERS: [&str; 5] = ["Aristotle", "Kant", "Spinoza", "Marx", "Russell"];

/// Which forks a philosopher picks up, first and second.
pub type Forks = fn(usize) -> (usize, usize);

// ANCHOR: philosophers
/// Deliberately deadlock-prone: everyone picks up the fork on their left, then the one on their
/// right. If all five hold their left fork at once, each waits for a neighbour: a cycle of five.
pub fn left_then_right(seat: usize) -> (usize, usize) {
    (seat, (seat + 1) % PHILOSOPHERS.len())
}

/// The fix, the same global order as for the accounts: the lower-numbered fork first. Russell
/// (seat 4) now reaches for fork 0 before fork 4, so the five can never each hold one fork and
/// wait for the next.
pub fn lower_fork_first(seat: usize) -> (usize, usize) {
    let (left, right) = left_then_right(seat);
    (left.min(right), left.max(right))
}

/// Five philosophers each eat up to `meals` times; a meal needs two forks. Between picking up
/// the first and the second fork a philosopher pauses for `reach`.
pub fn dinner(
    forks: Forks,
    meals: u64,
    reach: Duration,
    stall: Duration,
    recorder: &Recorder,
) -> Outcome {
    let registry = Registry::new();
    let table: Vec<TrackedMutex<u64>> = (0..PHILOSOPHERS.len())
        .map(|fork| TrackedMutex::new(format!("fork {fork}"), 0, &registry))
        .collect();
    let table = &table;
    let threads: Vec<(String, Round<'_>)> = (0..PHILOSOPHERS.len())
        .map(|seat| {
            let round: Round<'_> = Box::new(move || {
                let (first, second) = forks(seat);
                let mut first = table[first].lock()?;
                thread::sleep(reach); // holding one fork, reaching for the other
                let mut second = table[second].lock()?;
                *first += 1; // eating: both forks used once more
                *second += 1;
                Ok(())
            });
            (PHILOSOPHERS[seat].to_owned(), round)
        })
        .collect();
    run_watched(&registry, threads, meals, stall, recorder)
}
// ANCHOR_END: philosophers

// What the demonstration (main.rs) says about its runs, from the typed values they return.

/// How a readers-and-writer run let its threads in, read from its spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Readers {
    /// The most readers holding the lock at once.
    pub at_once: usize,
    /// Whether the writer held the lock with no reader beside it.
    pub writer_alone: bool,
}

impl Readers {
    /// Reads the spans of a [`read_and_write_with_mutex`] or [`read_and_write_with_rwlock`] run.
    pub fn of(spans: &[Span]) -> Readers {
        let reads: Vec<Span> = spans.iter().filter(|s| s.label == READS).cloned().collect();
        let mut writes = spans.iter().filter(|span| span.label == WRITES);
        Readers {
            at_once: max_concurrent(&reads),
            writer_alone: writes.all(|write| !reads.iter().any(|read| read.overlaps(write))),
        }
    }

    /// The table's columns.
    pub fn columns(&self) -> Vec<(&'static str, serde_json::Value)> {
        let alone = if self.writer_alone { "yes" } else { "NO" };
        vec![
            ("readers_at_once", self.at_once.into()),
            ("writer_alone", alone.into()),
        ]
    }

    /// The verdict: how many readers each lock let in, and how much sooner the RwLock finished.
    pub fn verdict(mutex: Readers, rwlock: Readers, faster: f64) -> String {
        format!(
            "RwLock let {} readers in at once (Mutex: {}) and finished {faster:.2}x sooner (ideal \
             2.50x: 5 holds in a row against readers together, then the writer).\n",
            rwlock.at_once, mutex.at_once
        )
    }

    /// The setting, in words.
    pub fn setting(hold: Duration) -> String {
        format!(
            "4 readers and 1 writer share a price list; each holds the lock for {}:\n",
            shown(hold)
        )
    }
}

impl Poisoning {
    /// What poisoning did, in words.
    pub fn verdict(&self) -> String {
        let lock = if self.was_poisoned {
            "returned Err(PoisonError)"
        } else {
            "succeeded"
        };
        format!(
            "Poisoning: a thread panicked holding an account of 100 after taking 30 out. lock() \
             then {lock}; into_inner found {}; after the repair and clear_poison, poisoned = {}.\n",
            self.balance_found, self.poisoned_after_clear
        )
    }
}

/// Silences the default panic message of the lesson's deliberate panics (poisoning), so the
/// report is not interrupted by it; any other panic is reported as usual.
pub fn quiet_deliberate_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info.payload().downcast_ref::<&str>().copied();
        if !message.unwrap_or_default().starts_with("deliberate panic") {
            default(info);
        }
    }));
}

/// `20,000 of 20,000`.
pub fn of(done: u64, planned: u64) -> String {
    format!("{} of {}", thousands(done), thousands(planned))
}

impl Outcome {
    /// The watchdog's cycle as a list of sentences (`--json`), empty if it saw no deadlock.
    pub fn cycle(&self) -> Vec<String> {
        let cycle = self.deadlock.iter().flat_map(|deadlock| &deadlock.cycle);
        cycle.map(ToString::to_string).collect()
    }

    /// The table's columns for a run of `planned` rounds: done, planned, deadlocked.
    pub fn columns(&self, planned: u64) -> Vec<(&'static str, serde_json::Value)> {
        let deadlock = match &self.deadlock {
            Some(deadlock) => format!("yes, {} threads", deadlock.cycle.len()),
            None => "no".to_owned(),
        };
        let (completed, planned) = (self.total().into(), planned.into());
        vec![
            ("completed", completed),
            ("planned", planned),
            ("deadlock", deadlock.into()),
        ]
    }

    /// For a run that should not deadlock: whether it did (it never should).
    pub fn watchdog_said(&self) -> &'static str {
        match self.deadlock {
            Some(_) => "DEADLOCK reported",
            None => "the watchdog saw no deadlock",
        }
    }
}

/// The money the two accounts of [`opposite_transfers`] start with together.
pub const MONEY: u64 = 2_000_000;

/// Opposite transfers of `per_thread` each way: paying account first against lower id first.
#[derive(Debug)]
pub struct Transfers {
    /// The two runs: each its outcome and the money left in the bank.
    pub compared: Compared<(Outcome, u64)>,
    /// Transfers planned in each run, both threads together.
    pub planned: u64,
    /// How many times the pair ran until the first deadlocked (or gave up trying).
    pub tries: usize,
}

impl Transfers {
    /// Runs the pair. A deadlock needs the two threads to meet mid-transfer; if one finished
    /// before the other started, there was none to see, so the pair runs again, up to `tries`
    /// times in all, until the first deadlocks.
    pub fn run(per_thread: u64, pause: Duration, stall: Duration, tries: usize) -> Transfers {
        let run = |transfer: Transfer| {
            move |r: &Recorder| opposite_transfers(transfer, per_thread, pause, stall, r)
        };
        let mut tried = 0;
        loop {
            tried += 1;
            let compared = Comparison::new()
                .variant(
                    "paying_account_first",
                    "transfers: paying account first",
                    run(transfer_from_first),
                )
                .variant(
                    "lower_id_first",
                    "transfers: lower id first",
                    run(transfer_lower_id_first),
                )
                .run();
            let transfers = Transfers {
                compared,
                planned: 2 * per_thread,
                tries: tried,
            };
            if transfers.naive().deadlock.is_some() || tried >= tries {
                return transfers;
            }
        }
    }

    /// The setting, in words.
    pub fn setting(per_thread: u64) -> String {
        format!(
            "Two threads each make {} transfers of 1, in opposite directions:",
            thousands(per_thread)
        )
    }

    /// Paying account first.
    pub fn naive(&self) -> &Outcome {
        &self.compared.get("paying_account_first").value.0
    }

    /// Lower id first.
    pub fn fixed(&self) -> &Outcome {
        &self.compared.get("lower_id_first").value.0
    }

    /// The money in the bank after the fixed run.
    pub fn money(&self) -> u64 {
        self.compared.get("lower_id_first").value.1
    }

    /// The JSON report's figures.
    pub fn figures(&self) -> Vec<(&'static str, serde_json::Value)> {
        let (naive, fixed) = (self.naive(), self.fixed());
        vec![
            ("deadlock_detected", naive.deadlock.is_some().into()),
            ("deadlock_cycle", naive.cycle().into()),
            ("deadlock_tries", self.tries.into()),
            ("fixed_transfers_completed", fixed.total().into()),
            ("fixed_deadlock_detected", fixed.deadlock.is_some().into()),
            ("money_conserved", (self.money() == MONEY).into()),
        ]
    }

    /// Both runs, in words: the naive run's (the last try's) and the fixed run's.
    pub fn said(&self) -> String {
        let (naive, fixed, tries) = (self.naive(), self.fixed(), self.tries);
        let done = of(naive.total(), self.planned);
        let naive = match &naive.deadlock {
            Some(deadlock) => {
                format!(
                    "paying account first (try {tries}): {done} transfers done, then\n{deadlock}"
                )
            }
            None => format!(
                "paying account first: no deadlock in {tries} tries ({done} transfers done): the \
                 threads never met mid-transfer.\n"
            ),
        };
        format!(
            "{naive}\nlower id first: {} transfers done, {}; money in the bank {} (it started \
             with {}).\n",
            of(fixed.total(), self.planned),
            fixed.watchdog_said(),
            thousands(self.money()),
            thousands(MONEY)
        )
    }

    /// The headline: a deadlock detected (or not, in so many tries), then the fix's result.
    pub fn headline(&self) -> String {
        let (naive, planned) = (self.naive(), self.planned);
        let fixed = if self.fixed().total() == planned && self.money() == MONEY {
            format!(
                "fixed: lower id first completed all {} transfers",
                thousands(planned)
            )
        } else {
            "NOT fixed: lower id first did not complete every transfer".to_owned()
        };
        match &naive.deadlock {
            Some(deadlock) => format!(
                "Headline: deadlock detected (a cycle of {} threads, after {} transfers), then \
                 {fixed}, money conserved.",
                deadlock.cycle.len(),
                thousands(naive.total())
            ),
            None => format!(
                "Headline: no deadlock came in {} tries this time; {fixed}.",
                self.tries
            ),
        }
    }
}

/// The dinner's setting, in words.
pub fn dinner_setting(meals: u64) -> String {
    format!("Five philosophers each eat {meals} meals; each meal needs the forks on both sides:")
}

/// A readers-and-writer run with `lock` (one of [`read_and_write_with_mutex`] and
/// [`read_and_write_with_rwlock`]), 4 readers each holding it for `hold`, and what it showed.
pub fn readers(
    lock: fn(usize, Duration, &Recorder),
    hold: Duration,
) -> impl FnMut(&Recorder) -> Readers {
    move |recorder| {
        lock(4, hold, recorder);
        Readers::of(&recorder.spans())
    }
}

/// Adds watched runs (transfers, dinner) of `planned` rounds to the table, and each run's
/// timeline drawn on its own scale: a deadlock stops a run early.
pub fn report_watched<T>(
    lesson: &mut Lesson,
    compared: &Compared<T>,
    planned: u64,
    outcome: impl Fn(&T) -> &Outcome,
) {
    compared.rows(lesson, Columns::default(), |run| {
        outcome(&run.value).columns(planned)
    });
    for run in &compared.outcomes {
        lesson.timeline(run.name.clone(), run.spans.clone());
        lesson.draw_timelines();
    }
}

/// The dinner, in words: left fork first, then lower fork first, of `planned` meals.
pub fn dinner_said(left: &Outcome, ordered: &Outcome, planned: u64) -> String {
    let eaten = of(left.total(), planned);
    let left = match &left.deadlock {
        Some(deadlock) => format!("left fork first: {eaten} meals eaten, then\n{deadlock}"),
        None => format!("left fork first: no deadlock this time ({eaten} meals eaten).\n"),
    };
    format!(
        "{left}\nlower fork first: {} meals eaten, {}.\n",
        of(ordered.total(), planned),
        ordered.watchdog_said()
    )
}

#[cfg(all(test, feature = "solutions"))]
mod tests {
    use super::*;

    #[test]
    fn poisoning_is_reported_and_cleared() {
        let report = poison_and_recover(100, 30);
        assert_eq!(
            report,
            Poisoning {
                was_poisoned: true,
                balance_found: 70,
                poisoned_after_clear: false
            }
        );
    }

    #[test]
    fn forks_in_order() {
        assert_eq!(left_then_right(4), (4, 0));
        assert_eq!(lower_fork_first(4), (0, 4));
        assert_eq!(lower_fork_first(1), (1, 2));
    }
}
