//! Locks that keep a wait-for table, and a gate that makes a lock-order deadlock certain.
//!
//! A deadlock between two threads that lock two mutexes in opposite orders needs luck on real
//! threads: both must take their first lock before either takes its second. The [`Mutex`] here
//! is std's, with std's API, plus bookkeeping in a shared [`Table`]: which thread holds which
//! mutexes, which mutex each thread waits for. Mutexes created inside [`Table::creating`] are
//! numbered in creation order and named by the table (`account 0`, `account 1`, ...).
//!
//! The gate: a thread that runs inside [`Table::participate`] and takes its *first* lock (it held
//! none of the table's mutexes before) waits there, lock in hand, until `gate` participants are
//! *engaged*: each holds a lock, waits for one, or has finished (or until the patience runs
//! out, a backstop only). So two transfers in opposite directions that lock in argument order
//! both hold their first account before either goes for its second: a deadlock every time, no
//! luck needed. Ordered locks pass at once: the second thread waits for the first one's lock,
//! which engages it. [`Table::met`] says whether `gate` participants ever held locks at the
//! same time (two transfers between different accounts should), [`Table::cycle`] finds a
//! wait-for cycle, and [`Table::waiting`] says who holds what and waits for what.
//!
//! A check compiles the exercise file a second time beside a `mod sync` that re-exports these
//! types (the same way loom checks swap in loom's).
//!
//! ```
//! use std::time::Duration;
//! use instruments::waitfor::{Mutex, Table};
//!
//! let table = Table::new(2, Duration::from_secs(1));
//! let accounts: Vec<Mutex<u64>> = table.creating(|| (0..2).map(|_| Mutex::new(5)).collect());
//! std::thread::scope(|scope| {
//!     for (name, first, second) in [("0->1", 0, 1), ("1->0", 0, 1)] {
//!         let (table, accounts) = (&table, &accounts);
//!         scope.spawn(move || {
//!             table.participate(name, || {
//!                 let _a = accounts[first].lock().unwrap();
//!                 let _b = accounts[second].lock().unwrap();
//!             })
//!         });
//!     }
//! });
//! assert!(table.cycle().is_none());
//! assert!(!table.met()); // the lower id first: never both holding at once
//! ```

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Condvar as StdCondvar, Mutex as StdMutex, MutexGuard as StdGuard};
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

use crate::lock_wrapper::{map_lock, map_try_lock};

pub use std::sync::{LockResult, PoisonError, TryLockError, TryLockResult};

/// How a table names a mutex: from its type's name, its number among the mutexes of that type,
/// and its number among all (each in creation order).
pub type Naming = Box<dyn Fn(&str, usize, usize) -> String + Send + Sync>;

#[derive(Debug)]
struct Participant {
    thread: ThreadId,
    name: String,
    done: bool,
}

#[derive(Debug, Default)]
struct State {
    /// mutex -> its name.
    names: Vec<String>,
    /// type name -> mutexes of that type created so far.
    of_type: HashMap<&'static str, usize>,
    /// mutex -> the thread holding it.
    holders: HashMap<usize, ThreadId>,
    /// thread -> the mutex it waits for.
    waiting: HashMap<ThreadId, usize>,
    participants: Vec<Participant>,
    met: bool,
}

impl State {
    fn holds_any(&self, thread: ThreadId) -> bool {
        self.holders.values().any(|&holder| holder == thread)
    }

    fn engaged(&self, participant: &Participant) -> bool {
        participant.done
            || self.holds_any(participant.thread)
            || self.waiting.contains_key(&participant.thread)
    }

    fn name_of(&self, thread: ThreadId) -> String {
        self.participants
            .iter()
            .find(|p| p.thread == thread)
            .map_or_else(|| "another thread".to_owned(), |p| p.name.clone())
    }

    fn held_by(&self, thread: ThreadId) -> Vec<usize> {
        let mut held: Vec<usize> = self
            .holders
            .iter()
            .filter(|(_, holder)| **holder == thread)
            .map(|(mutex, _)| *mutex)
            .collect();
        held.sort_unstable();
        held
    }

    fn describe(&self, thread: ThreadId) -> Option<String> {
        let held: Vec<&str> = self
            .held_by(thread)
            .into_iter()
            .map(|m| self.names[m].as_str())
            .collect();
        let waits = self.waiting.get(&thread).map(|&m| &self.names[m]);
        let name = self.name_of(thread);
        match (held.is_empty(), waits) {
            (true, None) => None,
            (false, None) => Some(format!("{name} holds {}", held.join(", "))),
            (true, Some(waits)) => Some(format!("{name} waits for {waits}")),
            (false, Some(waits)) => Some(format!(
                "{name} holds {} and waits for {waits}",
                held.join(", ")
            )),
        }
    }
}

/// The shared wait-for table (see the module docs).
pub struct Table {
    state: StdMutex<State>,
    changed: StdCondvar,
    gate: usize,
    patience: Duration,
    naming: Naming,
}

impl fmt::Debug for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Table")
            .field("gate", &self.gate)
            .field("patience", &self.patience)
            .field("state", &*self.lock())
            .finish_non_exhaustive()
    }
}

thread_local! {
    /// The table that mutexes created on this thread now join, if any.
    static CREATING: RefCell<Option<Arc<Table>>> = const { RefCell::new(None) };
}

/// Whether mutexes created on this thread now join a table (inside [`Table::creating`]).
pub fn creating_in_a_table() -> bool {
    CREATING.with(|current| current.borrow().is_some())
}

impl Table {
    /// A table whose participants wait at their first lock until `gate` of them are engaged
    /// (0: no gate, bookkeeping only), each at most `patience`. Mutexes are named `mutex N`.
    pub fn new(gate: usize, patience: Duration) -> Arc<Table> {
        Table::with_names(gate, patience, Box::new(|_, _, n| format!("mutex {n}")))
    }

    /// [`Table::new`], naming each mutex with `naming`.
    pub fn with_names(gate: usize, patience: Duration, naming: Naming) -> Arc<Table> {
        Arc::new(Table {
            state: StdMutex::new(State::default()),
            changed: StdCondvar::new(),
            gate,
            patience,
            naming,
        })
    }

    fn lock(&self) -> StdGuard<'_, State> {
        // Every update is made in whole statements: a poisoned table is still consistent.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs `create`; the mutexes of this module it creates (on this thread) join the table.
    pub fn creating<R>(self: &Arc<Self>, create: impl FnOnce() -> R) -> R {
        struct Restore(Option<Arc<Table>>);
        impl Drop for Restore {
            fn drop(&mut self) {
                let previous = self.0.take();
                CREATING.with(|current| *current.borrow_mut() = previous);
            }
        }
        let previous = CREATING.with(|current| current.borrow_mut().replace(Arc::clone(self)));
        let _restore = Restore(previous);
        create()
    }

    /// Runs `work` on this thread as the participant `name`: its first locks go through the
    /// gate, and it counts as engaged once `work` returns (or panics).
    pub fn participate<R>(&self, name: &str, work: impl FnOnce() -> R) -> R {
        struct Done<'a>(&'a Table, ThreadId);
        impl Drop for Done<'_> {
            fn drop(&mut self) {
                let mut state = self.0.lock();
                if let Some(p) = state.participants.iter_mut().find(|p| p.thread == self.1) {
                    p.done = true;
                }
                self.0.changed.notify_all();
            }
        }
        let thread = thread::current().id();
        self.lock().participants.push(Participant {
            thread,
            name: name.to_owned(),
            done: false,
        });
        self.changed.notify_all();
        let _done = Done(self, thread);
        work()
    }

    /// Whether `gate` participants ever held locks at the same time.
    pub fn met(&self) -> bool {
        self.lock().met
    }

    /// How many mutexes joined the table.
    pub fn mutexes(&self) -> usize {
        self.lock().names.len()
    }

    /// Whether every participant has finished.
    pub fn all_done(&self) -> bool {
        self.lock().participants.iter().all(|p| p.done)
    }

    /// Each participant that holds or waits for a lock now: `name holds X and waits for Y`.
    pub fn waiting(&self) -> Vec<String> {
        let state = self.lock();
        state
            .participants
            .iter()
            .filter(|p| !p.done)
            .filter_map(|p| state.describe(p.thread))
            .collect()
    }

    /// A wait-for cycle, if there is one now: each thread in it holds a lock the next waits for,
    /// so none of them can ever go on. One line per thread, as [`Table::waiting`] says it, sorted.
    pub fn cycle(&self) -> Option<Vec<String>> {
        let state = self.lock();
        for start in state.waiting.keys() {
            let mut path = vec![*start];
            let mut at = *start;
            while let Some(next) = state
                .waiting
                .get(&at)
                .and_then(|mutex| state.holders.get(mutex))
            {
                if *next == *start {
                    let mut lines: Vec<String> =
                        path.iter().filter_map(|&t| state.describe(t)).collect();
                    lines.sort();
                    return Some(lines);
                }
                if path.contains(next) {
                    break;
                }
                path.push(*next);
                at = *next;
            }
        }
        None
    }

    /// Waits until every participant has finished or a wait-for cycle formed, at most `limit`.
    /// Returns the cycle, if one formed.
    pub fn settle(&self, limit: Duration) -> Result<(), Option<Vec<String>>> {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(cycle) = self.cycle() {
                return Err(Some(cycle));
            }
            let state = self.lock();
            if !state.participants.is_empty() && state.participants.iter().all(|p| p.done) {
                return Ok(());
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(None);
            }
            // Woken by every change of the table; bounded so a cycle is looked for again.
            drop(
                self.changed
                    .wait_timeout(state, left.min(Duration::from_millis(20)))
                    .unwrap_or_else(PoisonError::into_inner),
            );
        }
    }

    fn join(&self, type_name: &'static str) -> usize {
        let mut state = self.lock();
        let id = state.names.len();
        let of_type = state.of_type.entry(type_name).or_default();
        let nth = *of_type;
        *of_type += 1;
        let name = (self.naming)(type_name, nth, id);
        state.names.push(name);
        id
    }

    fn waits(&self, thread: ThreadId, mutex: usize) {
        self.lock().waiting.insert(thread, mutex);
        self.changed.notify_all();
    }

    /// Records that `thread` holds `mutex`; returns whether it is its first.
    fn holds(&self, thread: ThreadId, mutex: usize) -> bool {
        let mut state = self.lock();
        state.waiting.remove(&thread);
        let first = !state.holds_any(thread);
        state.holders.insert(mutex, thread);
        let holding = state
            .participants
            .iter()
            .filter(|p| !p.done && state.holds_any(p.thread))
            .count();
        if self.gate > 0 && holding >= self.gate {
            state.met = true;
        }
        self.changed.notify_all();
        first
    }

    fn releases(&self, mutex: usize) {
        self.lock().holders.remove(&mutex);
        self.changed.notify_all();
    }

    /// The gate at a participant's first lock (see the module docs).
    fn gate(&self, thread: ThreadId) {
        if self.gate == 0 {
            return;
        }
        let deadline = Instant::now() + self.patience;
        let mut state = self.lock();
        if !state.participants.iter().any(|p| p.thread == thread) {
            return;
        }
        loop {
            let engaged = state
                .participants
                .iter()
                .filter(|p| state.engaged(p))
                .count();
            let left = deadline.saturating_duration_since(Instant::now());
            if engaged >= self.gate || left.is_zero() {
                return;
            }
            state = self
                .changed
                .wait_timeout(state, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }
}

/// std's `Mutex`, its locks and waits written in the [`Table`] it was created in (if any).
pub struct Mutex<T> {
    inner: StdMutex<T>,
    tracked: Option<(Arc<Table>, usize)>,
}

/// The guard of a [`Mutex`]; dropping it records the release, then releases.
pub struct MutexGuard<'a, T> {
    inner: Option<StdGuard<'a, T>>,
    mutex: &'a Mutex<T>,
}

impl<T> Mutex<T> {
    /// A mutex; inside [`Table::creating`] it joins that table, numbered in creation order.
    pub fn new(value: T) -> Mutex<T> {
        let table = CREATING.with(|current| current.borrow().clone());
        let tracked = table.map(|table| {
            let id = table.join(std::any::type_name::<T>());
            (table, id)
        });
        Mutex {
            inner: StdMutex::new(value),
            tracked,
        }
    }

    pub fn into_inner(self) -> LockResult<T> {
        self.inner.into_inner()
    }

    pub fn get_mut(&mut self) -> LockResult<&mut T> {
        self.inner.get_mut()
    }

    fn guard<'a>(&'a self, inner: StdGuard<'a, T>) -> MutexGuard<'a, T> {
        let guard = MutexGuard {
            inner: Some(inner),
            mutex: self,
        };
        if let Some((table, id)) = &self.tracked {
            let me = thread::current().id();
            if table.holds(me, *id) {
                table.gate(me);
            }
        }
        guard
    }

    fn wrap<'a>(&'a self, result: LockResult<StdGuard<'a, T>>) -> LockResult<MutexGuard<'a, T>> {
        map_lock(result, |inner| self.guard(inner))
    }

    pub fn lock(&self) -> LockResult<MutexGuard<'_, T>> {
        let Some((table, id)) = &self.tracked else {
            return self.wrap(self.inner.lock());
        };
        match self.inner.try_lock() {
            Err(TryLockError::WouldBlock) => {
                table.waits(thread::current().id(), *id);
                self.wrap(self.inner.lock())
            }
            Err(TryLockError::Poisoned(poisoned)) => self.wrap(Err(poisoned)),
            Ok(inner) => Ok(self.guard(inner)),
        }
    }

    pub fn try_lock(&self) -> TryLockResult<MutexGuard<'_, T>> {
        map_try_lock(self.inner.try_lock(), |inner| self.guard(inner))
    }

    pub fn is_poisoned(&self) -> bool {
        self.inner.is_poisoned()
    }
}

impl<T> MutexGuard<'_, T> {
    fn release(&mut self) -> Option<StdGuard<'_, T>> {
        let inner = self.inner.take()?;
        if let Some((table, id)) = &self.mutex.tracked {
            table.releases(*id);
        }
        Some(inner)
    }
}

impl<T> Drop for MutexGuard<'_, T> {
    fn drop(&mut self) {
        drop(self.release());
    }
}

crate::lock_wrapper_debug!(Mutex, MutexGuard);
crate::lock_wrapper_deref!(MutexGuard);
crate::lock_wrapper_condvar!(Condvar, MutexGuard);

/// std's `Condvar` for this module's guards: a thread asleep on it holds no lock in the table.
pub struct Condvar {
    inner: StdCondvar,
}

impl Condvar {
    pub fn new() -> Condvar {
        Condvar {
            inner: StdCondvar::new(),
        }
    }

    pub fn wait<'a, T>(&self, mut guard: MutexGuard<'a, T>) -> LockResult<MutexGuard<'a, T>> {
        let mutex = guard.mutex;
        let inner = guard.inner.take().expect("a guard holds its lock");
        if let Some((table, id)) = &mutex.tracked {
            table.releases(*id);
        }
        drop(guard);
        let woken = |inner: StdGuard<'a, T>| {
            if let Some((table, id)) = &mutex.tracked {
                table.holds(thread::current().id(), *id);
            }
            MutexGuard {
                inner: Some(inner),
                mutex,
            }
        };
        map_lock(self.inner.wait(inner), woken)
    }

    pub fn notify_one(&self) {
        self.inner.notify_one();
    }

    pub fn notify_all(&self) {
        self.inner.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accounts(table: &Arc<Table>, n: usize) -> Vec<Mutex<u64>> {
        table.creating(|| (0..n).map(|_| Mutex::new(10)).collect())
    }

    /// Two threads lock `first` then `second` of two mutexes, each pair given per thread.
    fn two_threads(table: &Arc<Table>, pairs: [(usize, usize); 2]) {
        let locks = Arc::new(accounts(table, 4));
        for (number, (first, second)) in pairs.into_iter().enumerate() {
            let (table, locks) = (Arc::clone(table), Arc::clone(&locks));
            // Detached: a deadlocked pair is left behind.
            thread::spawn(move || {
                table.participate(&format!("thread {number}"), || {
                    let _a = locks[first].lock().unwrap();
                    let _b = locks[second].lock().unwrap();
                });
            });
        }
    }

    #[test]
    fn opposite_orders_deadlock_every_time_and_the_cycle_is_named() {
        for _ in 0..20 {
            let table = Table::with_names(
                2,
                Duration::from_secs(5),
                Box::new(|_, nth, _| format!("account {nth}")),
            );
            two_threads(&table, [(0, 1), (1, 0)]);
            let cycle = table.settle(Duration::from_secs(5)).unwrap_err().unwrap();
            assert!(table.met());
            let text = cycle.join("; ");
            assert!(
                text.contains("holds account 0 and waits for account 1"),
                "{text}"
            );
            assert!(
                text.contains("holds account 1 and waits for account 0"),
                "{text}"
            );
        }
    }

    #[test]
    fn one_order_never_deadlocks_and_never_waits_the_patience() {
        let started = Instant::now();
        for _ in 0..20 {
            let table = Table::new(2, Duration::from_secs(30));
            two_threads(&table, [(0, 1), (0, 1)]);
            assert_eq!(table.settle(Duration::from_secs(10)), Ok(()));
            assert!(!table.met());
        }
        assert!(started.elapsed() < Duration::from_secs(10));
    }

    #[test]
    fn disjoint_locks_are_held_at_once() {
        let table = Table::new(2, Duration::from_secs(30));
        two_threads(&table, [(0, 1), (2, 3)]);
        assert_eq!(table.settle(Duration::from_secs(10)), Ok(()));
        assert!(table.met());
    }

    #[test]
    fn a_mutex_outside_a_table_is_plain_std() {
        let plain = Mutex::new(1);
        *plain.lock().unwrap() += 1;
        assert_eq!(plain.into_inner().unwrap(), 2);
        assert!(!creating_in_a_table());
    }
}
