//! Lesson 06: locks, semaphores and deadlocks.
//!
//! Four readers and a writer share a price list behind a `Mutex`, then an `RwLock` (timelines:
//! readers one at a time, then together). A thread panics holding a lock, poisoning it, and the
//! account is recovered. Then the headline: two threads transfer money in opposite directions,
//! locking the paying account first, and deadlock; a watchdog reports who waits for which lock;
//! locking the lower account id first fixes it. The dining philosophers, the same way.
//!
//! Run it: `cargo run --release -p lesson-06` (add `--quick`, `--json`, `--svg FILE`,
//! `--trace FILE`).

use std::time::Duration;

use instruments::Lesson;
use instruments::runs::timed;
use instruments::timeline::format_duration;
use lesson_06::report::{self, quiet_deliberate_panics, readers};
use lesson_06::*;

fn main() {
    let mut lesson = Lesson::start("lesson-06", "Locks, semaphores and deadlocks");
    let (hold, transfers, meals) = match lesson.quick() {
        true => (Duration::from_millis(10), 500, 40),
        false => (Duration::from_millis(50), 10_000, 200),
    };
    let (stall, pause) = (Duration::from_millis(100), Duration::from_micros(20));
    quiet_deliberate_panics();

    lesson.say(format!(
        "4 readers and 1 writer share a price list; each holds the lock for {}:\n",
        format_duration(hold)
    ));
    let mutex = timed(|r| read_and_write_with_mutex(4, hold, r));
    let rwlock = timed(|r| read_and_write_with_rwlock(4, hold, r));
    let mutex_readers = readers(&mut lesson, "Mutex: 4 readers, 1 writer", &mutex);
    let rwlock_readers = readers(&mut lesson, "RwLock: 4 readers, 1 writer", &rwlock);
    lesson.draw_timelines();
    let faster = mutex.elapsed.as_secs_f64() / rwlock.elapsed.as_secs_f64();
    lesson.say(format!(
        "RwLock let {rwlock_readers} readers in at once (Mutex: {mutex_readers}) and finished \
         {faster:.2}x sooner (ideal 2.50x: 5 holds in a row against readers together, then the \
         writer).\n"
    ));
    lesson.ideal(2 * hold); // the RwLock run at best: the readers' hold, then the writer's
    lesson.derive("mutex_readers_at_once", mutex_readers);
    lesson.derive("rwlock_readers_at_once", rwlock_readers);
    lesson.derive("rwlock_speedup_over_mutex", faster);

    let poison = poison_and_recover(100, 30);
    lesson.say(format!(
        "Poisoning: a thread panicked holding an account of 100 after taking 30 out. lock() \
         then {}; into_inner found {}; after the repair and clear_poison, poisoned = {}.\n",
        if poison.was_poisoned {
            "returned Err(PoisonError)"
        } else {
            "succeeded"
        },
        poison.balance_found,
        poison.poisoned_after_clear
    ));
    lesson.derive("poisoned_after_panic", poison.was_poisoned);
    lesson.derive("balance_found_after_panic", poison.balance_found);

    let headline = report::transfers(&mut lesson, transfers, pause, stall);
    report::philosophers(&mut lesson, meals, Duration::from_micros(100), stall);
    lesson.print_table();
    lesson.say(headline);
    std::process::exit(lesson.finish());
}
