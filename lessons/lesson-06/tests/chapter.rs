//! Facts about the chapter's own code (these pass as shipped): readers overlap under an
//! `RwLock` and not under a `Mutex`, poisoning is recoverable, the opposite transfers deadlock
//! and the watchdog names the cycle, and ordering the locks fixes both examples. Every wait is
//! bounded, and each check runs inside a time limit.

use std::time::Duration;

use instruments::Recorder;
use instruments::check::within;
use instruments::summary::max_concurrent;
use lesson_06::*;

const LIMIT: Duration = Duration::from_secs(60);
const STALL: Duration = Duration::from_millis(100);

#[test]
fn rwlock_readers_overlap_and_the_writer_is_alone() {
    within("the chapter's readers and writer", LIMIT, || {
        for (run, readers_at_once) in [
            (
                read_and_write_with_mutex as fn(usize, Duration, &Recorder),
                1,
            ),
            (read_and_write_with_rwlock, 4),
        ] {
            let recorder = Recorder::new();
            run(4, Duration::from_millis(30), &recorder);
            let reads = recorder.spans_labelled(READS);
            let writes = recorder.spans_labelled(WRITES);
            assert_eq!((reads.len(), writes.len()), (4, 1));
            // Mutex: never two at once, by construction. RwLock: all four readers sleep 30 ms
            // inside together unless one was held up for 30 ms before reaching the lock.
            assert!(max_concurrent(&reads) <= readers_at_once);
            if readers_at_once == 1 {
                assert_eq!(max_concurrent(&reads), 1);
            } else {
                assert!(max_concurrent(&reads) >= 2, "{reads:?}");
            }
            assert!(reads.iter().all(|read| !read.overlaps(&writes[0])));
        }
    });
}

#[test]
fn opposite_transfers_deadlock_and_the_watchdog_names_the_cycle() {
    let deadlock = within("the chapter's deadlocking transfers", LIMIT, || {
        // Whether the two threads meet mid-transfer depends on timing; in five tries of 10,000
        // transfers each they do (on the first, in every run seen so far).
        (0..5).find_map(|_| {
            let (outcome, money) = opposite_transfers(
                transfer_from_first,
                10_000,
                Duration::from_micros(20),
                STALL,
                &Recorder::new(),
            );
            assert_eq!(money, 2_000_000, "a transfer that gave up moved nothing");
            outcome.deadlock
        })
    })
    .expect("five tries of opposite transfers that lock the paying account first deadlock");
    let text: Vec<String> = deadlock.cycle.iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        [
            "alice pays bob waits for account 2 (bob), held by bob pays alice",
            "bob pays alice waits for account 1 (alice), held by alice pays bob"
        ]
    );
    assert!(deadlock.stalled_for >= STALL);
}

#[test]
fn lower_id_first_completes_and_conserves_the_money() {
    let (outcome, money) = within("the chapter's ordered transfers", LIMIT, || {
        opposite_transfers(
            transfer_lower_id_first,
            2_000,
            Duration::ZERO,
            STALL,
            &Recorder::new(),
        )
    });
    assert!(outcome.deadlock.is_none(), "{:?}", outcome.deadlock);
    assert_eq!((outcome.completed, money), (vec![2_000, 2_000], 2_000_000));
}

#[test]
fn philosophers_deadlock_left_first_and_dine_lower_first() {
    within("the chapter's philosophers", LIMIT, || {
        let ordered = dinner(
            lower_fork_first,
            50,
            Duration::from_micros(100),
            STALL,
            &Recorder::new(),
        );
        assert!(ordered.deadlock.is_none());
        assert_eq!(ordered.completed, vec![50; 5]);
        let left = (0..5).find_map(|_| {
            dinner(
                left_then_right,
                200,
                Duration::from_micros(100),
                STALL,
                &Recorder::new(),
            )
            .deadlock
        });
        let cycle = left
            .expect("left fork first deadlocks within five dinners")
            .cycle;
        assert_eq!(cycle.len(), 5, "{cycle:?}");
    });
}

#[test]
fn poisoning_is_recovered_with_into_inner_and_clear_poison() {
    let report = poison_and_recover(100, 30);
    assert!(report.was_poisoned && !report.poisoned_after_clear);
    assert_eq!(report.balance_found, 70);
}
