//! A lock that tells a shared registry who holds it and who waits for it, and a watchdog that
//! reads the registry, notices when nothing progresses, and names the wait-for cycle.
//!
//! std's `Mutex` keeps no record of its owner, so a deadlocked program just stops: no error, no
//! message. These wrappers add the bookkeeping a deadlock detector needs (what databases and
//! debug builds of lock libraries do), and every wait is bounded, so a deadlock here ends with a
//! report instead of a hung program.

use std::collections::HashMap;
use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, TryLockError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// The longest any [`TrackedMutex::lock`] waits, even with no watchdog running: a safety net so
/// that nothing in this lesson can hang.
pub const MAX_WAIT: Duration = Duration::from_secs(20);

/// The name the registry knows the current thread by.
fn current_thread() -> String {
    let current = thread::current();
    current
        .name()
        .map_or_else(|| format!("{:?}", current.id()), str::to_owned)
}

// ANCHOR: registry
/// Who holds which lock and who waits for which, shared by every [`TrackedMutex`] of one
/// program and read by its [`Watchdog`].
#[derive(Debug, Default)]
pub struct Registry {
    state: Mutex<Holdings>,
    /// Locks acquired so far: if this stops moving while threads wait, nothing progresses.
    progress: AtomicU64,
    /// Set by the watchdog after it has reported a deadlock: every waiting thread gives up.
    give_up: AtomicBool,
}

#[derive(Debug, Default)]
struct Holdings {
    /// lock name -> the thread holding it.
    holder: HashMap<String, String>,
    /// thread name -> the lock it is waiting for.
    waits_for: HashMap<String, String>,
}
// ANCHOR_END: registry

/// One edge of a wait-for cycle: `thread` waits for `lock`, which `held_by` holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wait {
    /// The waiting thread.
    pub thread: String,
    /// The lock it waits for.
    pub lock: String,
    /// The thread that holds that lock.
    pub held_by: String,
}

impl fmt::Display for Wait {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} waits for {}, held by {}",
            self.thread, self.lock, self.held_by
        )
    }
}

impl Registry {
    /// A registry with nothing held and nobody waiting.
    pub fn new() -> Arc<Registry> {
        Arc::new(Registry::default())
    }

    fn holdings(&self) -> MutexGuard<'_, Holdings> {
        // The registry's own lock is held only for a map update, never during user code, so a
        // poisoned registry still holds consistent maps: carry on with them.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn waiting(&self, thread: &str, lock: &str) {
        let mut holdings = self.holdings();
        holdings
            .waits_for
            .insert(thread.to_owned(), lock.to_owned());
    }

    fn acquired(&self, thread: &str, lock: &str) {
        let mut holdings = self.holdings();
        // One update under the registry's lock: the thread stops waiting and starts holding at
        // the same moment, so the watchdog never sees half of it.
        holdings.waits_for.remove(thread);
        holdings.holder.insert(lock.to_owned(), thread.to_owned());
        self.progress.fetch_add(1, Ordering::Relaxed);
    }

    fn stopped_waiting(&self, thread: &str) {
        self.holdings().waits_for.remove(thread);
    }

    fn released(&self, lock: &str) {
        self.holdings().holder.remove(lock);
    }

    /// How many locks have been acquired so far.
    pub fn progress(&self) -> u64 {
        self.progress.load(Ordering::Relaxed)
    }

    /// Tells every thread waiting on a [`TrackedMutex`] of this registry to give up.
    pub fn tell_waiters_to_give_up(&self) {
        self.give_up.store(true, Ordering::Relaxed);
    }

    fn told_to_give_up(&self) -> bool {
        self.give_up.load(Ordering::Relaxed)
    }

    // ANCHOR: wait_for_cycle
    /// A cycle in the wait-for graph, if there is one: thread A waits for a lock held by B, B
    /// waits for a lock held by ... A. Every thread in such a cycle waits for another one in it,
    /// and none of them lets go while it waits: none of them can ever move again.
    ///
    /// The registry records a holder only while the lock is really held (after acquiring,
    /// before releasing), so a cycle seen here is a real one, never a half-updated picture.
    pub fn wait_for_cycle(&self) -> Option<Vec<Wait>> {
        let holdings = self.holdings();
        let mut starts: Vec<&String> = holdings.waits_for.keys().collect();
        starts.sort(); // the same cycle is reported the same way on every run
        for start in starts {
            let mut path: Vec<Wait> = Vec::new();
            let mut thread = start.clone();
            // Follow "waits for the lock held by" until the chain ends or comes back.
            while let Some(lock) = holdings.waits_for.get(&thread) {
                let Some(held_by) = holdings.holder.get(lock) else {
                    break; // the lock is free: this thread is about to get it
                };
                if let Some(seen) = path.iter().position(|wait| wait.thread == *held_by) {
                    path.push(Wait {
                        thread: thread.clone(),
                        lock: lock.clone(),
                        held_by: held_by.clone(),
                    });
                    return Some(path.split_off(seen));
                }
                path.push(Wait {
                    thread: thread.clone(),
                    lock: lock.clone(),
                    held_by: held_by.clone(),
                });
                thread = held_by.clone();
            }
        }
        None
    }
    // ANCHOR_END: wait_for_cycle
}

/// Why a [`TrackedMutex::lock`] returned without the lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GaveUp {
    /// The lock that was never acquired.
    pub lock: String,
    /// Whether the watchdog said so (a deadlock), rather than the [`MAX_WAIT`] safety net.
    pub told_by_watchdog: bool,
}

impl fmt::Display for GaveUp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let why = if self.told_by_watchdog {
            "the watchdog reported a deadlock"
        } else {
            "waited too long"
        };
        write!(f, "gave up waiting for {}: {why}", self.lock)
    }
}

impl std::error::Error for GaveUp {}

// ANCHOR: tracked_mutex
/// A `Mutex` with a name, that records in its [`Registry`] who holds it and who waits for it,
/// and whose `lock` gives up (instead of waiting forever) once the watchdog reports a deadlock.
#[derive(Debug)]
pub struct TrackedMutex<T> {
    name: String,
    inner: Mutex<T>,
    registry: Arc<Registry>,
}

impl<T> TrackedMutex<T> {
    /// A lock called `name` around `value`, reporting to `registry`.
    pub fn new(name: impl Into<String>, value: T, registry: &Arc<Registry>) -> Self {
        TrackedMutex {
            name: name.into(),
            inner: Mutex::new(value),
            registry: Arc::clone(registry),
        }
    }

    /// The value inside, once no thread can use the lock any more (even after a deadlock).
    pub fn into_inner(self) -> T {
        self.inner
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// The lock's name, as the watchdog prints it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Waits for the lock, like `Mutex::lock`, but bounded: `try_lock` in a loop that stops when
    /// the watchdog says "deadlock" or after [`MAX_WAIT`].
    pub fn lock(&self) -> Result<TrackedGuard<'_, T>, GaveUp> {
        // After a reported deadlock nobody takes any lock of this registry: the threads stop
        // where they are, so their counts show how far each got before it.
        if self.registry.told_to_give_up() {
            return Err(GaveUp {
                lock: self.name.clone(),
                told_by_watchdog: true,
            });
        }
        let thread = current_thread();
        self.registry.waiting(&thread, &self.name);
        let deadline = Instant::now() + MAX_WAIT;
        let mut tries: u32 = 0;
        loop {
            let told = self.registry.told_to_give_up();
            // Told to give up: do not even try, or this thread could take a lock that another
            // thread's giving up has just freed, and carry on.
            let attempt = if told {
                None
            } else {
                Some(self.inner.try_lock())
            };
            let guard = match attempt {
                Some(Ok(guard)) => Some(guard),
                // A thread panicked while holding this lock. The lesson's values (balances,
                // forks) stay valid after any panic, so take the lock anyway.
                Some(Err(TryLockError::Poisoned(poisoned))) => Some(poisoned.into_inner()),
                Some(Err(TryLockError::WouldBlock)) | None => None,
            };
            if let Some(guard) = guard {
                self.registry.acquired(&thread, &self.name);
                return Ok(TrackedGuard {
                    guard,
                    lock: &self.name,
                    registry: &self.registry,
                });
            }
            if told || Instant::now() >= deadline {
                self.registry.stopped_waiting(&thread);
                return Err(GaveUp {
                    lock: self.name.clone(),
                    told_by_watchdog: told,
                });
            }
            // Spin briefly (the holder may be about to let go), then sleep between tries so a
            // waiting thread does not eat a core the holder needs.
            tries += 1;
            if tries < 64 {
                thread::yield_now();
            } else {
                thread::sleep(Duration::from_micros(50));
            }
        }
    }
}

/// The lock, held: a [`TrackedMutex`]'s `MutexGuard`, which also updates the registry.
#[derive(Debug)]
pub struct TrackedGuard<'a, T> {
    guard: MutexGuard<'a, T>,
    lock: &'a str,
    registry: &'a Registry,
}

impl<T> Deref for TrackedGuard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.guard
    }
}

impl<T> DerefMut for TrackedGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.guard
    }
}

impl<T> Drop for TrackedGuard<'_, T> {
    fn drop(&mut self) {
        // The registry forgets the holder first; the `MutexGuard` field is dropped (and the lock
        // released) after this body. So the registry never names a holder that has let go.
        self.registry.released(self.lock);
    }
}
// ANCHOR_END: tracked_mutex

// ANCHOR: watchdog
/// What the watchdog saw: a wait-for cycle, and how long nothing had progressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadlock {
    /// Each thread in the cycle, the lock it waits for, and who holds that lock.
    pub cycle: Vec<Wait>,
    /// How long no lock had been acquired when the watchdog reported.
    pub stalled_for: Duration,
}

impl fmt::Display for Deadlock {
    /// The watchdog's report: how long nothing moved, then one line per waiting thread.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "watchdog: DEADLOCK. No lock was taken for {} ms, and the waits form a cycle:",
            self.stalled_for.as_millis()
        )?;
        for wait in &self.cycle {
            writeln!(f, "  {wait}")?;
        }
        Ok(())
    }
}

/// A thread that checks a [`Registry`] every few milliseconds. When no lock has been acquired
/// for `stall` and the waits form a cycle, it reports the cycle and tells the waiters to give up.
#[derive(Debug)]
pub struct Watchdog {
    finished: Arc<AtomicBool>,
    handle: JoinHandle<Option<Deadlock>>,
}

impl Watchdog {
    /// Starts watching `registry`.
    pub fn start(registry: &Arc<Registry>, stall: Duration) -> Watchdog {
        let finished = Arc::new(AtomicBool::new(false));
        let (registry, stop) = (Arc::clone(registry), Arc::clone(&finished));
        let handle = thread::Builder::new()
            .name("watchdog".into())
            .spawn(move || {
                let (mut seen, mut since) = (registry.progress(), Instant::now());
                while !stop.load(Ordering::Relaxed) {
                    thread::sleep(stall / 10);
                    let progress = registry.progress();
                    if progress != seen {
                        (seen, since) = (progress, Instant::now());
                        continue; // something moved: not stuck
                    }
                    if since.elapsed() < stall {
                        continue;
                    }
                    if let Some(cycle) = registry.wait_for_cycle() {
                        registry.tell_waiters_to_give_up();
                        return Some(Deadlock {
                            cycle,
                            stalled_for: since.elapsed(),
                        });
                    }
                }
                None
            })
            .expect("the watchdog thread starts");
        Watchdog { finished, handle }
    }

    /// Stops watching (once the watched threads are done) and returns the deadlock it
    /// reported, if any.
    pub fn stop(self) -> Option<Deadlock> {
        self.finished.store(true, Ordering::Relaxed);
        self.handle.join().expect("the watchdog does not panic")
    }
}
// ANCHOR_END: watchdog

#[cfg(all(test, feature = "solutions"))]
mod tests {
    use super::*;

    #[test]
    fn a_cycle_is_found_and_a_chain_is_not() {
        let registry = Registry::new();
        registry.acquired("kant", "fork 1");
        registry.acquired("hume", "fork 2");
        registry.waiting("kant", "fork 2");
        assert_eq!(registry.wait_for_cycle(), None, "a chain that ends");
        registry.waiting("hume", "fork 1");
        let cycle = registry.wait_for_cycle().expect("a cycle");
        let text: Vec<String> = cycle.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            [
                "hume waits for fork 1, held by kant",
                "kant waits for fork 2, held by hume"
            ]
        );
    }

    #[test]
    fn a_cycle_behind_a_tail_is_reported_without_the_tail() {
        let registry = Registry::new();
        for (thread, lock) in [("a", "1"), ("b", "2"), ("c", "3")] {
            registry.acquired(thread, lock);
        }
        registry.waiting("a", "2"); // a is stuck behind the cycle, not in it
        registry.waiting("b", "3");
        registry.waiting("c", "2");
        let cycle = registry.wait_for_cycle().expect("a cycle");
        let threads: Vec<&str> = cycle.iter().map(|w| w.thread.as_str()).collect();
        assert_eq!(threads, ["b", "c"]);
    }

    #[test]
    fn guards_release_and_update_the_registry() {
        let registry = Registry::new();
        let balance = TrackedMutex::new("account 1", 10_u64, &registry);
        {
            let mut held = balance.lock().unwrap();
            *held += 5;
            assert!(registry.holdings().holder.contains_key("account 1"));
        }
        assert!(registry.holdings().holder.is_empty());
        assert_eq!(*balance.lock().unwrap(), 15);
        assert_eq!(registry.progress(), 2);
    }
}
