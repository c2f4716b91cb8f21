//! A rendezvous for checks on real threads: proof of "all at the same time" without sleeping.
//!
//! A check that asks "were all N downloads in flight at once?" could sleep inside each
//! download and look for overlapping spans, but then a correct answer pays the sleep, and a
//! loaded machine can stretch the spans until a batch of two looks like a crowd. Instead each
//! simulated job calls [`Rendezvous::arrive`] and waits there until `expected` jobs are in
//! flight together, or until its patience runs out. A correct answer meets at once (no sleep,
//! however slow the machine); a sequential or batched one never gathers `expected`, each
//! job gives up after the patience, and [`Rendezvous::most_at_once`] says how many there were.
//!
//! ```
//! use std::time::Duration;
//! use instruments::rendezvous::Rendezvous;
//!
//! let meeting = Rendezvous::new(3, Duration::from_secs(5));
//! std::thread::scope(|scope| {
//!     for _ in 0..3 {
//!         scope.spawn(|| {
//!             let _in_flight = meeting.arrive();
//!             // ... the job's work ...
//!         });
//!     }
//! });
//! assert!(meeting.met());
//! assert_eq!(meeting.most_at_once(), 3);
//! ```

use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

#[derive(Debug, Default)]
struct State {
    in_flight: usize,
    most: usize,
    arrived: usize,
    met: bool,
}

/// Jobs wait here until `expected` of them are in flight at once (see the module docs).
#[derive(Debug)]
pub struct Rendezvous {
    expected: usize,
    patience: Duration,
    state: Mutex<State>,
    changed: Condvar,
}

/// A job in flight; it leaves the rendezvous when dropped.
#[derive(Debug)]
pub struct InFlight<'a> {
    rendezvous: &'a Rendezvous,
}

impl Rendezvous {
    /// `expected` jobs must meet; each waits at most `patience` for the others.
    pub fn new(expected: usize, patience: Duration) -> Rendezvous {
        Rendezvous {
            expected,
            patience,
            state: Mutex::new(State::default()),
            changed: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panicking job cannot leave the counts half-updated: each update is one statement.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Enters the rendezvous and waits until `expected` jobs are in flight together (returns
    /// at once if they already met), or until the patience runs out.
    pub fn arrive(&self) -> InFlight<'_> {
        let deadline = Instant::now() + self.patience;
        let mut state = self.lock();
        state.in_flight += 1;
        state.arrived += 1;
        state.most = state.most.max(state.in_flight);
        if state.in_flight >= self.expected {
            state.met = true;
            self.changed.notify_all();
        }
        // A loop, not an `if`: a wakeup may be spurious, or come from a job leaving.
        while !state.met {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            state = self
                .changed
                .wait_timeout(state, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
        InFlight { rendezvous: self }
    }

    /// Whether `expected` jobs were ever in flight at once.
    pub fn met(&self) -> bool {
        self.lock().met
    }

    /// The most jobs in flight at once.
    pub fn most_at_once(&self) -> usize {
        self.lock().most
    }

    /// How many jobs arrived in all.
    pub fn arrived(&self) -> usize {
        self.lock().arrived
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        let mut state = self.rendezvous.lock();
        state.in_flight -= 1;
        self.rendezvous.changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_in_turn_never_meet_and_say_how_many_were_in_flight() {
        let meeting = Rendezvous::new(3, Duration::from_millis(30));
        for _ in 0..3 {
            let _job = meeting.arrive();
        }
        assert!(!meeting.met());
        assert_eq!(meeting.most_at_once(), 1);
        assert_eq!(meeting.arrived(), 3);
    }

    #[test]
    fn a_batch_of_two_is_not_three_at_once() {
        let meeting = Rendezvous::new(3, Duration::from_millis(50));
        for _batch in 0..2 {
            std::thread::scope(|scope| {
                for _ in 0..2 {
                    scope.spawn(|| drop(meeting.arrive()));
                }
            });
        }
        assert!(!meeting.met());
        assert_eq!(meeting.most_at_once(), 2);
    }

    #[test]
    fn all_at_once_meet_without_waiting_for_the_patience() {
        let meeting = Rendezvous::new(8, Duration::from_secs(60));
        let started = Instant::now();
        std::thread::scope(|scope| {
            for _ in 0..8 {
                scope.spawn(|| drop(meeting.arrive()));
            }
        });
        assert!(meeting.met());
        // Far below the patience: they met, nobody timed out.
        assert!(started.elapsed() < Duration::from_secs(30));
    }
}
