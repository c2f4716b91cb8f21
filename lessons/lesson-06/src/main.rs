//! Lesson 06: locks, semaphores and deadlocks.
//!
//! Four readers and a writer share a price list behind a `Mutex`, then an `RwLock` (timelines:
//! readers one at a time, then together). A thread panics holding a lock, poisoning it, and the
//! account is recovered. Then the headline: two threads transfer money in opposite directions,
//! locking the paying account first, and deadlock; a watchdog reports who waits for which lock;
//! locking the lower account id first fixes it. The dining philosophers, the same way.
//!
//! Run it: `cargo run -p lesson-06` (add `--quick`, `--json`, `--svg FILE`, `--trace FILE`).

use std::time::Duration;

use instruments::compare::{Columns, Comparison};
use instruments::{Lesson, Recorder};
use lesson_06::{Forks, Readers, Transfers, dinner, dinner_said, dinner_setting, readers};
use lesson_06::{left_then_right, lower_fork_first, poison_and_recover, quiet_deliberate_panics};
use lesson_06::{read_and_write_with_mutex, read_and_write_with_rwlock, report_watched};

fn main() {
    let mut lesson = Lesson::start("lesson-06", "Locks, semaphores and deadlocks");
    let (ms, us) = (Duration::from_millis, Duration::from_micros);
    let sizes = [(ms(50), 10_000, 200), (ms(10), 500, 40)];
    let (hold, transfers, meals) = sizes[usize::from(lesson.quick())];
    let (stall, pause, reach) = (ms(100), us(20), us(100));
    quiet_deliberate_panics();
    lesson.say(Readers::setting(hold));
    let (mutex, rwlock) = (read_and_write_with_mutex, read_and_write_with_rwlock);
    let (mutex, rwlock) = (readers(mutex, hold), readers(rwlock, hold));
    let locks = Comparison::new()
        .variant("mutex", "Mutex: 4 readers, 1 writer", mutex)
        .variant("rwlock", "RwLock: 4 readers, 1 writer", rwlock)
        .run();
    locks.report(&mut lesson, Columns::default(), |run| run.value.columns());
    lesson.draw_timelines();
    let (mutex, rwlock) = (locks.get("mutex").value, locks.get("rwlock").value);
    let faster = locks.speedup("mutex", "rwlock");
    lesson.say(Readers::verdict(mutex, rwlock, faster));
    lesson.ideal(2 * hold); // the RwLock run at best: the readers' hold, then the writer's
    lesson.derive("mutex_readers_at_once", mutex.at_once);
    lesson.derive("rwlock_readers_at_once", rwlock.at_once);
    lesson.derive("rwlock_speedup_over_mutex", faster);
    let poison = poison_and_recover(100, 30);
    lesson.say(poison.verdict());
    lesson.derive("poisoned_after_panic", poison.was_poisoned);
    lesson.derive("balance_found_after_panic", poison.balance_found);
    lesson.say(Transfers::setting(transfers));
    let bank = Transfers::run(transfers, pause, stall, 3); // paying account first, lower id first
    lesson.say(bank.said());
    for (key, figure) in bank.figures() {
        lesson.derive(key, figure);
    }
    report_watched(&mut lesson, &bank.compared, bank.planned, |(run, _)| run);
    lesson.say(dinner_setting(meals));
    let eat = |forks: Forks| move |r: &Recorder| dinner(forks, meals, reach, stall, r);
    let (left, lower) = (eat(left_then_right), eat(lower_fork_first));
    let table = Comparison::new()
        .variant("left_fork_first", "dinner: left fork first", left)
        .variant("lower_fork_first", "dinner: lower fork first", lower)
        .run();
    let left = &table.get("left_fork_first").value;
    let ordered = &table.get("lower_fork_first").value;
    lesson.say(dinner_said(left, ordered, 5 * meals));
    lesson.derive("philosophers_deadlock_detected", left.deadlock.is_some());
    lesson.derive("philosophers_cycle", left.cycle());
    lesson.derive("philosophers_fixed_meals", ordered.total());
    report_watched(&mut lesson, &table, 5 * meals, |outcome| outcome);
    lesson.print_table();
    lesson.say(bank.headline());
    std::process::exit(lesson.finish());
}
