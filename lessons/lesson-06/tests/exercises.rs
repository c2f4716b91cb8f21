//! Checks for lesson 06's exercises: `cargo test -p lesson-06`.
//!
//! Each exercise is checked three ways. Its file must take its sync types from `crate::sync`
//! (however an import is spelled), or loom could not see them. On real threads, inside time
//! limits of a few seconds: an answer that deadlocks or loses a wakeup fails with a message
//! naming the exercise and what was waiting, instead of hanging. And under loom, which runs
//! small models through every interleaving of the answer's locks, waits and wakeups, watching
//! an invariant at every step (never more holders than permits; the bank's money always all
//! there): a failing interleaving is shown step by step, one column per thread.
//!
//! Loom sees your code because the exercise files are compiled a second time here, as the
//! module `loom_exercises`, where `crate::sync` means the `sync` module below (loom's types,
//! each operation recorded) instead of the lesson's (std's). The same compilation serves the
//! pausing checks of 6.2: a `Bank` created inside a `waitfor::Table` gets std locks that keep a
//! wait-for table and pause each transfer at its first lock until the other transfer has shown
//! its hand, so a lock-order deadlock happens every time, and is named.

use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier, mpsc};
use std::thread;
use std::time::Duration;

use instruments::Recorder;
use instruments::check::{join_all, within_waiting};
use instruments::interleaving::{self, Ending, Failure, Model, foreign_sync_paths};
use instruments::summary::max_concurrent;
use instruments::timeline::draw;
use instruments::waitfor::Table;
use lesson_06::exercises::{Bank, Semaphore};

/// What `crate::sync` means inside `loom_exercises`: loom's types, recorded; or, for a value
/// created inside `instruments::waitfor::Table::creating`, std's, keeping a wait-for table.
#[allow(unused_imports, dead_code)]
mod sync {
    use std::fmt;
    use std::ops::{Deref, DerefMut};

    use instruments::interleaving::sync as recorded;
    use instruments::lock_wrapper::{map_lock, map_try_lock};
    use instruments::waitfor;

    pub use recorded::{Arc, LockResult, PoisonError, TryLockError, TryLockResult, atomic};

    pub enum Mutex<T> {
        Loom(recorded::Mutex<T>),
        Pausing(waitfor::Mutex<T>),
    }

    pub enum MutexGuard<'a, T> {
        Loom(recorded::MutexGuard<'a, T>),
        Pausing(waitfor::MutexGuard<'a, T>),
    }

    impl<T> Mutex<T> {
        pub fn new(value: T) -> Mutex<T> {
            if waitfor::creating_in_a_table() {
                Mutex::Pausing(waitfor::Mutex::new(value))
            } else {
                Mutex::Loom(recorded::Mutex::new(value))
            }
        }

        pub fn into_inner(self) -> LockResult<T> {
            match self {
                Mutex::Loom(inner) => inner.into_inner(),
                Mutex::Pausing(inner) => inner.into_inner(),
            }
        }

        pub fn get_mut(&mut self) -> LockResult<&mut T> {
            match self {
                Mutex::Loom(inner) => inner.get_mut(),
                Mutex::Pausing(inner) => inner.get_mut(),
            }
        }
    }

    impl<T: fmt::Debug> Mutex<T> {
        pub fn lock(&self) -> LockResult<MutexGuard<'_, T>> {
            match self {
                Mutex::Loom(inner) => map_lock(inner.lock(), MutexGuard::Loom),
                Mutex::Pausing(inner) => map_lock(inner.lock(), MutexGuard::Pausing),
            }
        }

        pub fn try_lock(&self) -> TryLockResult<MutexGuard<'_, T>> {
            match self {
                Mutex::Loom(inner) => map_try_lock(inner.try_lock(), MutexGuard::Loom),
                Mutex::Pausing(inner) => map_try_lock(inner.try_lock(), MutexGuard::Pausing),
            }
        }
    }

    impl<T> Deref for MutexGuard<'_, T> {
        type Target = T;
        fn deref(&self) -> &T {
            match self {
                MutexGuard::Loom(guard) => guard,
                MutexGuard::Pausing(guard) => guard,
            }
        }
    }

    impl<T> DerefMut for MutexGuard<'_, T> {
        fn deref_mut(&mut self) -> &mut T {
            match self {
                MutexGuard::Loom(guard) => guard,
                MutexGuard::Pausing(guard) => guard,
            }
        }
    }

    instruments::lock_wrapper_debug!(Mutex, MutexGuard);
    instruments::lock_wrapper_condvar!(Condvar, MutexGuard);

    pub enum Condvar {
        Loom(recorded::Condvar),
        Pausing(waitfor::Condvar),
    }

    impl Condvar {
        pub fn new() -> Condvar {
            if waitfor::creating_in_a_table() {
                Condvar::Pausing(waitfor::Condvar::new())
            } else {
                Condvar::Loom(recorded::Condvar::new())
            }
        }

        pub fn wait<'a, T>(&self, guard: MutexGuard<'a, T>) -> LockResult<MutexGuard<'a, T>> {
            match (self, guard) {
                (Condvar::Loom(condvar), MutexGuard::Loom(guard)) => {
                    map_lock(condvar.wait(guard), MutexGuard::Loom)
                }
                (Condvar::Pausing(condvar), MutexGuard::Pausing(guard)) => {
                    map_lock(condvar.wait(guard), MutexGuard::Pausing)
                }
                _ => panic!("a Condvar and a Mutex from different checks"),
            }
        }

        pub fn notify_one(&self) {
            match self {
                Condvar::Loom(condvar) => condvar.notify_one(),
                Condvar::Pausing(condvar) => condvar.notify_one(),
            }
        }

        pub fn notify_all(&self) {
            match self {
                Condvar::Loom(condvar) => condvar.notify_all(),
                Condvar::Pausing(condvar) => condvar.notify_all(),
            }
        }
    }
}

// The learner's files (or, for maintainers, the reference answers) against loom's types, and
// against the pausing std locks.
// (`Permit` is only named by the checks through the lesson's own build.)
#[allow(unused_imports)]
#[cfg(not(feature = "solutions"))]
#[path = "../src/exercises/mod.rs"]
mod loom_exercises;
#[allow(unused_imports)]
#[cfg(feature = "solutions")]
#[path = "../src/solutions/mod.rs"]
mod loom_exercises;

const SEMAPHORE: &str = "exercise 6.1 `Semaphore` (lessons/lesson-06/src/exercises/semaphore.rs)";
const BANK: &str = "exercise 6.2 `Bank` (lessons/lesson-06/src/exercises/bank.rs)";

#[cfg(not(feature = "solutions"))]
const SOURCES: [&str; 2] = [
    include_str!("../src/exercises/semaphore.rs"),
    include_str!("../src/exercises/bank.rs"),
];
#[cfg(feature = "solutions")]
const SOURCES: [&str; 2] = [
    include_str!("../src/solutions/semaphore.rs"),
    include_str!("../src/solutions/bank.rs"),
];

/// A real-thread check that has not finished after this is judged hung: the verdict comes within
/// seconds. The reference answers finish each in well under 100 ms.
const LIMIT: Duration = Duration::from_secs(3);

/// Loom can only see locks and condvars that come from `crate::sync`. Any path to another sync
/// type counts, whatever the spelling: `std::sync::Mutex::new` in code, a grouped import, an
/// alias.
fn expect_sync_types_from_crate_sync(exercise: &str, source: &str, file: &str) {
    if let Some(first) = foreign_sync_paths(source).first() {
        panic!(
            "\n{exercise}: line {} of {file} reaches a sync type through `{}`, not \
             `crate::sync`:\n    {}\nImport your sync types from crate::sync only (`use \
             crate::sync::{{Condvar, Mutex, MutexGuard, PoisonError}};`): the loom check swaps \
             in its own versions there, and cannot see any other.\n",
            first.line, first.found, first.text
        );
    }
}

/// The message for a failing loom execution: what went wrong, the steps, and `advice` for how
/// it ended.
fn loom_verdict(exercise: &str, model: &str, failure: &Failure, advice: &str) -> String {
    if failure.steps.is_empty() {
        return format!("\n{exercise}: {}\n", failure.summary());
    }
    format!(
        "\n{exercise}: loom found an interleaving of {model} that goes wrong (after trying {} \
         interleavings). Step by step, one column per thread:\n\n{}\n{advice}\n",
        failure.executions,
        failure.render()
    )
}

// ---------------------------------------------------------------------------------------------
// 6.1 Semaphore
// ---------------------------------------------------------------------------------------------

#[test]
fn exercise_6_1_semaphore_takes_its_sync_types_from_crate_sync() {
    // On an answer, not on the shipped `todo!()`s.
    drop(Semaphore::new(1).acquire());
    expect_sync_types_from_crate_sync(
        SEMAPHORE,
        SOURCES[0],
        "lessons/lesson-06/src/exercises/semaphore.rs",
    );
}

/// A thread that takes a permit, says so, holds it until told, gives it back and says so.
struct Holder {
    release: mpsc::Sender<()>,
    events: mpsc::Receiver<&'static str>,
}

impl Holder {
    fn start(semaphore: &Arc<Semaphore>) -> Holder {
        let (release, told) = mpsc::channel();
        let (say, events) = mpsc::channel();
        let semaphore = Arc::clone(semaphore);
        thread::spawn(move || {
            let permit = semaphore.acquire();
            let _ = say.send("acquired");
            let _ = told.recv();
            drop(permit);
            let _ = say.send("released");
        });
        Holder { release, events }
    }

    /// Whether the holder reported `event` in time. If its thread died instead (a panic in
    /// `acquire`, a `todo!()`), that panic is the news: fail with it rather than "timed out".
    fn saw(&self, event: &str, within: Duration) -> bool {
        match self.events.recv_timeout(within) {
            Ok(seen) => seen == event,
            Err(mpsc::RecvTimeoutError::Timeout) => false,
            Err(mpsc::RecvTimeoutError::Disconnected) => panic!(
                "\n{SEMAPHORE}: a thread calling `acquire` (or dropping its `Permit`) panicked; \
                 its message is above.\n"
            ),
        }
    }
}

#[test]
fn exercise_6_1_gives_exactly_its_permits_and_wakes_a_waiter() {
    // Not `within_or`: every wait below is bounded, and each says what it waited for.
    const PERMITS: usize = 3;
    const PATIENCE: Duration = Duration::from_millis(1500);
    let semaphore = Arc::new(Semaphore::new(PERMITS));
    let mut holders = Vec::new();
    for taken in 0..PERMITS {
        let holder = Holder::start(&semaphore);
        assert!(
            holder.saw("acquired", PATIENCE),
            "\n{SEMAPHORE}: timed out: Semaphore::new({PERMITS}) gave {taken} permit(s), and then \
             `acquire` waited although {} of the {PERMITS} were still free (each held by its own \
             thread). Does `new` start with `permits` free permits (not a number of your own), \
             does `acquire` let the lock go before returning (a `Permit` must not keep the \
             `MutexGuard`), and does it wait only `while` the count is 0?\n",
            PERMITS - taken
        );
        holders.push(holder);
    }
    let waiter = Holder::start(&semaphore);
    assert!(
        !waiter.saw("acquired", Duration::from_millis(150)),
        "\n{SEMAPHORE}: Semaphore::new({PERMITS}) gave a {}th permit while all {PERMITS} were \
         held. Does `new` use its `permits` parameter, and does `acquire` wait while the count \
         is 0 and take one (count - 1) when it goes through?\n",
        PERMITS + 1
    );
    let _ = holders[0].release.send(());
    assert!(
        holders[0].saw("released", PATIENCE),
        "\n{SEMAPHORE}: timed out: dropping a `Permit` never returned. Does `Drop for Permit` \
         lock a mutex that is still held?\n"
    );
    assert!(
        waiter.saw("acquired", PATIENCE),
        "\n{SEMAPHORE}: timed out: a permit was given back, but the thread waiting in `acquire` \
         never woke up to take it: a lost wakeup. `Drop for Permit` must add the permit back \
         under the lock and then `notify_one` the Condvar the waiters sleep on.\n"
    );
    for holder in holders.iter().skip(1).chain([&waiter]) {
        let _ = holder.release.send(());
    }
}

/// Eight threads, five rounds each: take a permit, record a span while holding it, give it back.
fn permit_holders(permits: usize) -> Vec<instruments::Span> {
    const THREADS: usize = 8;
    let semaphore = Semaphore::new(permits);
    let recorder = Recorder::new();
    let starting_line = Barrier::new(THREADS);
    thread::scope(|scope| {
        let mut handles = Vec::new();
        for number in 1..=THREADS {
            let (semaphore, recorder, starting_line) = (&semaphore, &recorder, &starting_line);
            handles.push(scope.spawn(move || {
                starting_line.wait();
                for _ in 0..5 {
                    let permit = semaphore.acquire();
                    // The span opens after the permit is taken and closes before it is given
                    // back, so overlapping spans mean permits really held at the same time.
                    let span = recorder.span(format!("thread {number}"), "holds a permit");
                    thread::sleep(Duration::from_millis(2));
                    drop(span);
                    drop(permit);
                }
            }));
        }
        join_all(handles);
    });
    recorder.spans_labelled("holds a permit")
}

#[test]
fn exercise_6_1_never_more_holders_than_permits() {
    let spans = within_waiting(
        SEMAPHORE,
        LIMIT,
        || {
            "Eight threads taking a Semaphore::new(2) five times each never finished: is a \
             permit not given back on drop, or a waiting thread never woken (notify_one after \
             adding the permit back)?"
                .to_owned()
        },
        || permit_holders(2),
    );
    let most = max_concurrent(&spans);
    assert!(
        most <= 2,
        "\n{SEMAPHORE}: Semaphore::new(2) let {most} threads hold a permit at the same time:\n\n\
         {}\nCheck and take the permit under the lock, and wait `while` none is free (not `if`: \
         after a wakeup another thread may have taken it first).\n",
        draw(&spans, 72)
    );
}

#[test]
fn exercise_6_1_permit_is_given_back_on_drop_and_on_panic() {
    within_waiting(
        SEMAPHORE,
        LIMIT,
        || {
            "A second acquire of a Semaphore::new(1) waited forever: the first permit was not \
             given back. `impl Drop for Permit` must add it back (drop also runs during a panic)."
                .to_owned()
        },
        || {
            let semaphore = Semaphore::new(1);
            drop(semaphore.acquire());
            drop(semaphore.acquire()); // hangs if the first permit was never returned
            let crashed = panic::catch_unwind(AssertUnwindSafe(|| {
                let _permit = semaphore.acquire();
                panic!("a job crashed while holding a permit");
            }));
            assert!(crashed.is_err());
            // The permit was dropped while unwinding, as `with` releases on an exception.
            drop(semaphore.acquire());
        },
    );
}

/// Loom: a `Semaphore::new(1)` shared by three threads, each taking the permit once. An observer counts the holders at every step.
fn explore_semaphore() -> Result<interleaving::Explored, Failure> {
    let model = Model {
        mutexes: "free",
        condvars: "returned",
        preemption_bound: Some(2),
        ..Model::default()
    };
    interleaving::explore(&model, || {
        let semaphore = loom::sync::Arc::new(loom_exercises::Semaphore::new(1));
        // Outside the model (loom neither sees nor schedules it): how many hold a permit now.
        let holders = Arc::new(AtomicUsize::new(0));
        let take = {
            let (semaphore, holders) = (semaphore.clone(), holders.clone());
            move || {
                let permit = semaphore.acquire();
                let now = holders.fetch_add(1, Ordering::SeqCst) + 1;
                if now > 1 {
                    interleaving::broken(format!(
                        "{now} threads hold a permit of a Semaphore::new(1) at the same time"
                    ));
                }
                holders.fetch_sub(1, Ordering::SeqCst);
                drop(permit);
            }
        };
        // Main only starts and joins: a panic in the answer then happens on a thread loom can
        // unwind cleanly.
        let threads: Vec<_> = ["thread 1", "thread 2", "thread 3"]
            .into_iter()
            .map(|name| interleaving::spawn(name, take.clone()))
            .collect();
        for thread in threads {
            thread.join();
        }
    })
}

#[test]
fn exercise_6_1_no_interleaving_lets_two_in_or_loses_a_wakeup() {
    // On an answer: the shipped `todo!()` is reported from a plain run.
    drop(Semaphore::new(1).acquire());
    let Err(failure) = within_waiting(
        SEMAPHORE,
        LIMIT,
        || "loom's model of three threads sharing one permit did not finish.".to_owned(),
        explore_semaphore,
    ) else {
        return;
    };
    let advice = match &failure.ending {
        Ending::Broken(_) => {
            "Two threads got the one permit. Check the count and take the permit under one lock, \
             and wait `while` it is 0, not `if`: a thread woken by `notify_one` only learns \
             \"look again\"; another thread may have taken the permit before it got the lock \
             back."
        }
        Ending::Deadlock(_) => {
            "A lost wakeup: a thread sleeps on the Condvar while a permit is free, and nobody \
             will wake it. Give the permit back (count + 1) under the lock *before* `notify_one`, \
             never notify first, and notify every time a permit comes back."
        }
        Ending::Spin => {
            "Busy waiting: `acquire` keeps locking and looking instead of sleeping. Wait with \
             `self.returned.wait(guard)`, which releases the lock while asleep and takes it back \
             on waking, in a `while` loop."
        }
        Ending::Panic(_) => {
            "With `if` instead of `while`, a woken thread takes a permit that another thread \
             already took (0 - 1 overflows). Wait `while` the count is 0."
        }
    };
    panic!(
        "{}",
        loom_verdict(
            SEMAPHORE,
            "three threads sharing a Semaphore::new(1)",
            &failure,
            advice
        )
    );
}

// ---------------------------------------------------------------------------------------------
// 6.2 Bank
// ---------------------------------------------------------------------------------------------

#[test]
fn exercise_6_2_bank_takes_its_sync_types_from_crate_sync() {
    // On an answer, not on the shipped `todo!()`s.
    Bank::new(&[1, 0]).transfer(0, 1, 1);
    expect_sync_types_from_crate_sync(BANK, SOURCES[1], "lessons/lesson-06/src/exercises/bank.rs");
}

const LOCK_ORDER: &str = "Lock the two accounts in one global order (the lower id first), \
    whichever way the money goes.";

/// Loom: accounts [1, 1]; thread 1 moves 1 from 0 to 1, thread 2 from 1 to 0, and an auditor
/// counts the bank's money meanwhile (with every account locked): it must always be 2.
fn explore_opposite_transfers() -> Result<interleaving::Explored, Failure> {
    let model = Model {
        mutexes: "account #",
        preemption_bound: Some(2),
        ..Model::default()
    };
    interleaving::explore(&model, || {
        let bank = loom::sync::Arc::new(loom_exercises::Bank::new(&[1, 1]));
        let threads: Vec<_> = [("thread 1", 0, 1), ("thread 2", 1, 0)]
            .into_iter()
            .map(|(name, from, to)| {
                let bank = bank.clone();
                interleaving::spawn(name, move || bank.transfer(from, to, 1))
            })
            .collect();
        let auditor = {
            let bank = bank.clone();
            interleaving::spawn("auditor", move || bank.total())
        };
        let total = auditor.join();
        if total != 2 {
            interleaving::broken(format!(
                "the auditor counted {total} in the bank while the transfers ran, not 2: for a moment \
                 the money was in {} account",
                if total < 2 {
                    "neither"
                } else {
                    "both the old and the new"
                }
            ));
        }
        let moved: Vec<bool> = threads.into_iter().map(|thread| thread.join()).collect();
        if moved != [true, true] || (bank.balance(0), bank.balance(1)) != (1, 1) {
            interleaving::broken(format!(
                "both transfers had the money, but they returned {moved:?} and left balances \
                 {} and {}, not [true, true] and 1 and 1",
                bank.balance(0),
                bank.balance(1)
            ));
        }
    })
}

/// Loom: accounts [1, 0]; two threads each try to move 1 from account 0 to account 1. Exactly
/// one may succeed.
fn explore_competing_withdrawals() -> Result<interleaving::Explored, Failure> {
    let model = Model {
        mutexes: "account #",
        preemption_bound: Some(2),
        ..Model::default()
    };
    interleaving::explore(&model, || {
        let bank = loom::sync::Arc::new(loom_exercises::Bank::new(&[1, 0]));
        let threads: Vec<_> = ["thread 1", "thread 2"]
            .into_iter()
            .map(|name| {
                let bank = bank.clone();
                interleaving::spawn(name, move || bank.transfer(0, 1, 1))
            })
            .collect();
        let moved = threads
            .into_iter()
            .map(|thread| thread.join())
            .filter(|&moved| moved)
            .count();
        let balances = (bank.balance(0), bank.balance(1));
        if moved != 1 || balances != (0, 1) {
            interleaving::broken(format!(
                "account 0 held 1 and two transfers of 1 ran: {moved} succeeded and the balances \
                 ended {} and {}; exactly one should succeed, leaving 0 and 1. An overdraft \
                 race: was the balance checked before the locks were taken, or under a lock \
                 let go before the money moved?",
                balances.0, balances.1
            ));
        }
    })
}

// The pausing checks: the exercise file against std locks that keep a wait-for table (see
// `mod sync` and `instruments::waitfor`). Each transfer pauses at its first lock until the
// other has taken a lock, waits for one, or finished: a lock-order deadlock happens every time.

/// How long a transfer waits at its first lock for the other to show its hand. A backstop only:
/// the other shows it by taking a lock, waiting for one or finishing, so no answer that locks
/// at all waits it out.
const PATIENCE: Duration = Duration::from_secs(2);

/// One thread's job in a pausing run.
#[derive(Clone, Copy)]
enum Job {
    Transfer(usize, usize),
    /// `Bank::total`, which locks every account in id order.
    Audit,
}

impl Job {
    fn name(self) -> String {
        match self {
            Job::Transfer(from, to) => format!("transfer {from}->{to}"),
            Job::Audit => "the auditor (Bank::total)".to_owned(),
        }
    }
}

/// A table for a bank's locks: its accounts (the `Mutex<u64>`s, in creation order) are called
/// `account N`, any other lock by its type.
fn bank_table(gate: usize) -> Arc<Table> {
    Table::with_names(
        gate,
        PATIENCE,
        Box::new(|type_name, nth, _| {
            if type_name == "u64" {
                format!("account {nth}")
            } else {
                format!("your Mutex<{type_name}> #{nth}")
            }
        }),
    )
}

/// Starts `jobs` on their own (detached) threads against a bank of `accounts` accounts of 100
/// each, created in `table`. Each thread's result: whether its job panicked (with the payload).
fn start_pausing(
    table: &Arc<Table>,
    accounts: usize,
    jobs: &[Job],
) -> Vec<thread::JoinHandle<thread::Result<()>>> {
    let bank = Arc::new(table.creating(|| loom_exercises::Bank::new(&vec![100; accounts])));
    // Every job is a participant before any takes a lock.
    let starting_line = Arc::new(Barrier::new(jobs.len()));
    jobs.iter()
        .map(|&job| {
            let (table, bank) = (Arc::clone(table), Arc::clone(&bank));
            let starting_line = Arc::clone(&starting_line);
            thread::spawn(move || {
                panic::catch_unwind(AssertUnwindSafe(|| {
                    table.participate(&job.name(), || {
                        starting_line.wait();
                        match job {
                            Job::Transfer(from, to) => drop(bank.transfer(from, to, 1)),
                            Job::Audit => drop(bank.total()),
                        }
                    });
                }))
            })
        })
        .collect()
}

/// The two pausing runs that deadlock an answer whose locks are not in one global order:
/// opposite transfers, and a transfer beside `Bank::total` (which locks in id order).
const DEADLOCK_RUNS: [[Job; 2]; 2] = [
    [Job::Transfer(0, 1), Job::Transfer(1, 0)],
    [Job::Transfer(0, 1), Job::Audit],
];

/// Whether a pausing run of the answer deadlocks (or does not finish): the loom models are then
/// not run, as loom cannot end such an execution without aborting the whole test process, nor
/// the real-thread runs, which would deadlock by luck or not;
/// `exercise_6_2_opposite_transfers_cannot_deadlock` reports it, naming the locks.
fn pausing_runs_hang() -> bool {
    DEADLOCK_RUNS.iter().any(|jobs| {
        let table = bank_table(2);
        let threads = start_pausing(&table, 2, jobs);
        let settled = table.settle(LIMIT);
        if settled.is_ok() {
            for thread in threads {
                let _ = thread.join();
            }
        }
        settled.is_err()
    })
}

#[test]
fn exercise_6_2_opposite_transfers_cannot_deadlock() {
    // On an answer: the shipped `todo!()` is reported from a plain run.
    Bank::new(&[1, 0]).transfer(0, 1, 1);
    let running: Arc<std::sync::Mutex<Option<Arc<Table>>>> = Arc::default();
    let seen = Arc::clone(&running);
    within_waiting(
        BANK,
        LIMIT,
        move || {
            let table = seen.lock().map_or(None, |table| table.clone());
            let (waiting, cycle) = table.map_or((Vec::new(), None), |t| (t.waiting(), t.cycle()));
            match cycle {
                Some(cycle) => format!(
                    "{}. Neither can ever go on: a deadlock. The check pauses each transfer at \
                     its first lock until the other has taken one, so locks taken in different \
                     orders deadlock every time. Lock the lower-numbered account first, \
                     whichever way the money goes (Bank::total locks in that order too), and \
                     handle `from == to` before locking anything.",
                    cycle.join("; ")
                ),
                None => format!(
                    "two transfers (or a transfer and Bank::total) never finished; {}. {LOCK_ORDER}",
                    if waiting.is_empty() {
                        "no lock was held or waited for".to_owned()
                    } else {
                        waiting.join("; ")
                    }
                ),
            }
        },
        move || {
            for jobs in DEADLOCK_RUNS {
                let table = bank_table(2);
                *running
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(Arc::clone(&table));
                for thread in start_pausing(&table, 2, &jobs) {
                    if let Err(payload) = thread.join().expect("caught above") {
                        panic::resume_unwind(payload);
                    }
                }
            }
        },
    );
}

#[test]
fn exercise_6_2_transfers_between_different_accounts_run_at_once() {
    // On an answer: the shipped `todo!()` is reported from a plain run.
    Bank::new(&[1, 0]).transfer(0, 1, 1);
    let table = bank_table(2);
    let ran = Arc::clone(&table);
    within_waiting(
        BANK,
        LIMIT,
        || "transfers 0->1 and 2->3 never finished.".to_owned(),
        move || {
            let jobs = [Job::Transfer(0, 1), Job::Transfer(2, 3)];
            for thread in start_pausing(&ran, 4, &jobs) {
                if let Err(payload) = thread.join().expect("caught above") {
                    panic::resume_unwind(payload);
                }
            }
        },
    );
    if table.mutexes() == 0 {
        return; // no lock from crate::sync: the import check says so
    }
    assert!(
        table.met(),
        "\n{BANK}: transfers between different accounts never ran at the same time: is one \
         lock held for the whole bank (or all accounts locked)? Transfer 0->1 and transfer \
         2->3 share no account, and each waited at its first lock for the other to take one, \
         but the other only got its lock after the first had finished. Lock just the two \
         accounts a transfer touches (each account has its own Mutex), so transfers between \
         different accounts run in parallel.\n"
    );
}

/// `accounts` threads, thread `i` moving 1 from account `i` to account `i + 1` (mod the number
/// of accounts) `transfers` times. Returns how many transfers succeeded and the bank's total.
fn ring_of_transfers(accounts: usize, transfers: usize) -> (usize, u64) {
    let bank = Bank::new(&vec![1_000_000; accounts]);
    let starting_line = Barrier::new(accounts);
    let succeeded = AtomicUsize::new(0);
    thread::scope(|scope| {
        let mut handles = Vec::new();
        for from in 0..accounts {
            let (bank, starting_line, succeeded) = (&bank, &starting_line, &succeeded);
            handles.push(scope.spawn(move || {
                starting_line.wait();
                for _ in 0..transfers {
                    if bank.transfer(from, (from + 1) % accounts, 1) {
                        succeeded.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }));
        }
        join_all(handles);
    });
    (succeeded.into_inner(), bank.total())
}

#[test]
fn exercise_6_2_opposite_transfers_do_not_deadlock() {
    if pausing_runs_hang() {
        return; // a deadlock: `exercise_6_2_opposite_transfers_cannot_deadlock` names it
    }
    const TRANSFERS: usize = 50_000;
    let (succeeded, total) = within_waiting(
        BANK,
        LIMIT,
        || {
            format!(
                "Two threads making {TRANSFERS} opposite transfers each (0 -> 1 and 1 -> 0) \
                 never finished: the transfers deadlocked, each holding one account and waiting \
                 for the other's. {LOCK_ORDER}"
            )
        },
        || ring_of_transfers(2, TRANSFERS),
    );
    assert_eq!(
        succeeded,
        2 * TRANSFERS,
        "{BANK}: every transfer had the money, so all {} should succeed; {succeeded} did.",
        2 * TRANSFERS
    );
    assert_eq!(
        total,
        2_000_000,
        "{BANK}: the bank held 2,000,000 before the transfers and {total} after: money was {} \
         Change both balances while holding both locks.",
        if total > 2_000_000 {
            "created."
        } else {
            "lost."
        }
    );
}

#[test]
fn exercise_6_2_a_ring_of_three_does_not_deadlock() {
    if pausing_runs_hang() {
        return; // a deadlock: `exercise_6_2_opposite_transfers_cannot_deadlock` names it
    }
    let (succeeded, total) = within_waiting(
        BANK,
        LIMIT,
        || {
            "Three threads transferring around a ring (0 -> 1, 1 -> 2, 2 -> 0) never finished: \
             a deadlock cycle of three, each thread holding one account and waiting for the \
             next. Ordering the two accounts of one transfer is not enough unless the order is \
             global: always lock the lower id first."
                .to_owned()
        },
        || ring_of_transfers(3, 20_000),
    );
    assert_eq!(
        (succeeded, total),
        (60_000, 3_000_000),
        "{BANK}: every transfer succeeds, nothing lost"
    );
}

/// Runs loom's model of the bank (`what` it models), after a plain run (so the shipped
/// `todo!()` is reported from there) and unless the pausing runs deadlock (then
/// `exercise_6_2_opposite_transfers_cannot_deadlock` names it): the failing interleaving, if any.
fn explore_bank(
    what: &str,
    explore: fn() -> Result<interleaving::Explored, Failure>,
) -> Option<Failure> {
    Bank::new(&[1, 0]).transfer(0, 1, 1);
    if pausing_runs_hang() {
        return None;
    }
    let what = format!("loom's model of {what} did not finish.");
    within_waiting(BANK, LIMIT, || what, explore).err()
}

#[test]
fn exercise_6_2_no_interleaving_deadlocks_or_shows_the_money_half_moved() {
    let Some(failure) = explore_bank("two opposite transfers", explore_opposite_transfers) else {
        return;
    };
    let advice = match &failure.ending {
        Ending::Deadlock(_) => format!(
            "A deadlock: each transfer holds one account and waits for the other's (a real run \
             hangs here). {LOCK_ORDER} Handle `from == to` before locking anything."
        ),
        Ending::Broken(_) => "Take both locks first, then check the balance and move the money, \
             and let go of neither until both balances are changed: a transfer that locks one \
             account at a time leaves the money in neither for a moment, and whoever counts \
             then sees it missing."
            .to_owned(),
        Ending::Spin => "A transfer keeps retrying without ever waiting (busy waiting): lock \
             in a global order instead, and `lock()` simply waits."
            .to_owned(),
        Ending::Panic(_) => "Read the panic above.".to_owned(),
    };
    panic!(
        "{}",
        loom_verdict(
            BANK,
            "two opposite transfers while an auditor counts the money",
            &failure,
            &advice
        )
    );
}

#[test]
fn exercise_6_2_no_interleaving_overdraws_an_account() {
    let Some(failure) = explore_bank("two competing withdrawals", explore_competing_withdrawals)
    else {
        return;
    };
    let advice = "An overdraft race (check-then-act): check the balance *while holding* both \
        locks, in the same lock scope that moves the money. A check made before the locks (or \
        under a lock let go before the money moves) can be out of date by the time the money \
        moves.";
    panic!(
        "{}",
        loom_verdict(
            BANK,
            "two withdrawals of 1 from an account holding 1",
            &failure,
            advice
        )
    );
}

#[test]
fn exercise_6_2_moves_money_and_refuses_an_overdraft() {
    let (bank, moved, refused) = within_waiting(
        BANK,
        LIMIT,
        || "transfer(0, 1, ..) on one thread never returned.".to_owned(),
        || {
            let bank = Bank::new(&[50, 0]);
            let moved = bank.transfer(0, 1, 30);
            let refused = !bank.transfer(0, 1, 21);
            (bank, moved, refused)
        },
    );
    assert!(
        moved,
        "{BANK}: transfer(0, 1, 30) from a balance of 50 must succeed"
    );
    assert!(
        refused,
        "{BANK}: transfer(0, 1, 21) from a balance of 20 must return false"
    );
    assert_eq!(
        (bank.balance(0), bank.balance(1)),
        (20, 30),
        "{BANK}: after moving 30 of 50 (and refusing 21), the balances should be 20 and 30"
    );
}

#[test]
fn exercise_6_2_a_transfer_to_the_same_account_does_not_hang() {
    let (moved, balance) = within_waiting(
        BANK,
        LIMIT,
        || {
            "transfer(0, 0, 10) never returned: it waits for account 0, which it holds itself \
             (std's Mutex is not re-entrant). Handle `from == to` first."
                .to_owned()
        },
        || {
            let bank = Bank::new(&[50, 0]);
            (bank.transfer(0, 0, 10), bank.balance(0))
        },
    );
    assert!(
        moved && balance == 50,
        "{BANK}: moving 10 from account 0 to itself succeeds and leaves 50; got {moved}, {balance}"
    );
}
