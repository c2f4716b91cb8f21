//! Checks for lesson 06's exercises: `cargo test -p lesson-06`.
//!
//! Every check runs inside a time limit: a semaphore that loses a wakeup, or a bank that
//! deadlocks, fails with a message naming the exercise instead of hanging the test run. The
//! semaphore is graded by what its holders recorded (how many held a permit at the same moment),
//! not only by the final counts.

use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier, mpsc};
use std::thread;
use std::time::Duration;

use instruments::Recorder;
use instruments::check::expect_at_once;
use instruments::summary::max_concurrent;
use instruments::timeline::draw;
use lesson_06::exercises::{Bank, Semaphore};

const SEMAPHORE: &str = "exercise 6.1 `Semaphore` (lessons/lesson-06/src/exercises.rs)";
const BANK: &str = "exercise 6.2 `Bank::transfer` (lessons/lesson-06/src/exercises.rs)";
const LIMIT: Duration = Duration::from_secs(60);

/// Runs `check` on its own thread; if it has not finished within `limit`, fails with
/// `on_timeout` (which says what probably hung). A panic in `check` is passed on unchanged.
#[track_caller]
fn within_or<T: Send + 'static>(
    exercise: &str,
    limit: Duration,
    on_timeout: &str,
    check: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (done, finished) = mpsc::channel();
    thread::spawn(move || {
        let _ = done.send(panic::catch_unwind(AssertUnwindSafe(check)));
    });
    match finished.recv_timeout(limit) {
        Ok(Ok(value)) => value,
        Ok(Err(payload)) => panic::resume_unwind(payload),
        Err(_) => panic!("\n{exercise}: timed out after {limit:?}. {on_timeout}\n"),
    }
}

/// Joins scoped threads, passing on the first one's panic unchanged (so its message, such as
/// the exercise's `todo!`, is the test's failure message, not "a scoped thread panicked").
fn join_all<T>(handles: Vec<thread::ScopedJoinHandle<'_, T>>) -> Vec<T> {
    handles
        .into_iter()
        .map(|handle| {
            handle
                .join()
                .unwrap_or_else(|payload| panic::resume_unwind(payload))
        })
        .collect()
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
                    thread::sleep(Duration::from_millis(5));
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
    let spans = within_or(
        SEMAPHORE,
        LIMIT,
        "Eight threads taking a Semaphore::new(3) five times each never finished: is a permit \
         not given back on drop, or a waiting thread never woken (notify_one after adding the \
         permit back)?",
        || permit_holders(3),
    );
    assert_eq!(
        spans.len(),
        40,
        "{SEMAPHORE}: every thread holds a permit 5 times"
    );
    let most = max_concurrent(&spans);
    assert!(
        most <= 3,
        "\n{SEMAPHORE}: Semaphore::new(3) let {most} threads hold a permit at the same time:\n\n\
         {}\nCheck and take the permit under the lock, and wait `while` none is free (not `if`: \
         after a wakeup another thread may have taken it first).\n",
        draw(&spans, 72)
    );
    expect_at_once(
        SEMAPHORE,
        &spans,
        2,
        "A Semaphore::new(3) should let three threads in at once; yours let one in at a time. Is \
         the Mutex guard held for as long as the Permit lives? Take a permit, then let the lock \
         go before returning.",
    );
}

#[test]
fn exercise_6_1_no_lost_wakeup_under_contention() {
    const THREADS: usize = 8;
    const ROUNDS: usize = 500;
    let (entered, most) = within_or(
        SEMAPHORE,
        LIMIT,
        "Eight threads sharing one permit stopped making progress: a lost wakeup (a thread \
         asleep on the Condvar while a permit is free). Change the count and notify while \
         holding the lock, and wait in a `while` loop that re-checks the count.",
        || {
            let semaphore = Arc::new(Semaphore::new(1));
            let inside = Arc::new(AtomicUsize::new(0));
            let (entered, most) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
            thread::scope(|scope| {
                let mut handles = Vec::new();
                for _ in 0..THREADS {
                    handles.push(scope.spawn(|| {
                        for _ in 0..ROUNDS {
                            let _permit = semaphore.acquire();
                            let now = inside.fetch_add(1, Ordering::SeqCst) + 1;
                            most.fetch_max(now, Ordering::SeqCst);
                            entered.fetch_add(1, Ordering::SeqCst);
                            thread::yield_now();
                            inside.fetch_sub(1, Ordering::SeqCst);
                        }
                    }));
                }
                join_all(handles);
            });
            (entered.load(Ordering::SeqCst), most.load(Ordering::SeqCst))
        },
    );
    assert_eq!(
        entered,
        THREADS * ROUNDS,
        "{SEMAPHORE}: every acquire returns"
    );
    assert_eq!(
        most, 1,
        "{SEMAPHORE}: Semaphore::new(1) let {most} threads in at once: take the permit under \
         the same lock that checked it was free."
    );
}

#[test]
fn exercise_6_1_permit_is_given_back_on_drop_and_on_panic() {
    within_or(
        SEMAPHORE,
        Duration::from_secs(30),
        "A second acquire of a Semaphore::new(1) waited forever: the first permit was not given \
         back. `impl Drop for Permit` must add it back (drop also runs during a panic).",
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

const DEADLOCKED: &str = "Two threads making opposite transfers (0 -> 1 and 1 -> 0) never \
    finished: the transfer deadlocked. Each thread held one account's lock and waited for the \
    other's. Lock the two accounts in one global order (the lower id first), whichever way the \
    money goes.";

/// `threads` threads, thread `i` moving 1 from account `i` to account `i + 1` (mod the number of
/// accounts) `transfers` times. Returns how many transfers succeeded and the bank's total.
fn ring_of_transfers(accounts: usize, transfers: usize) -> (usize, u64) {
    let bank = Bank::new(&vec![100_000; accounts]);
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
    let (succeeded, total) = within_or(BANK, LIMIT, DEADLOCKED, || ring_of_transfers(2, 10_000));
    assert_eq!(
        succeeded, 20_000,
        "{BANK}: every transfer had the money, so all 20,000 should succeed; {succeeded} did."
    );
    assert_eq!(
        total,
        200_000,
        "{BANK}: the bank held 200,000 before the transfers and {total} after: money was {} \
         Change both balances while holding both locks.",
        if total > 200_000 { "created." } else { "lost." }
    );
}

#[test]
fn exercise_6_2_a_ring_of_three_does_not_deadlock() {
    let (succeeded, total) = within_or(
        BANK,
        LIMIT,
        "Three threads transferring around a ring (0 -> 1, 1 -> 2, 2 -> 0) never finished: a \
         deadlock cycle of three. Ordering by `from < to` for two accounts is not enough unless \
         it is a global order: always lock the lower id first.",
        || ring_of_transfers(3, 5_000),
    );
    assert_eq!(
        (succeeded, total),
        (15_000, 300_000),
        "{BANK}: every transfer succeeds, nothing lost"
    );
}

#[test]
fn exercise_6_2_moves_money_and_refuses_an_overdraft() {
    let bank = within_or(BANK, LIMIT, DEADLOCKED, || {
        let bank = Bank::new(&[50, 0]);
        let moved = bank.transfer(0, 1, 30);
        let refused = !bank.transfer(0, 1, 21);
        (bank, moved, refused)
    });
    let (bank, moved, refused) = bank;
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
    let (moved, balance) = within_or(
        BANK,
        Duration::from_secs(30),
        "transfer(0, 0, 10) never returned: locking the same account twice on one thread waits \
         for itself forever (std's Mutex is not re-entrant). Handle `from == to` first.",
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
