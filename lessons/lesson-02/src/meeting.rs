//! A meeting point for exercise 2.1's check: it can make every chunk wait inside `sum_chunk`
//! until all of them have started, so "every chunk at once" is proven without sleeping and
//! however busy the machine is (see `instruments::rendezvous`). Outside that check nothing is
//! installed, and `attend` just runs the work.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use instruments::rendezvous::Rendezvous;

static MEETING: Mutex<Option<Arc<Rendezvous>>> = Mutex::new(None);

/// Runs `work`; if a meeting is installed, first waits there (at most its patience) until the
/// expected number of chunks are in flight together.
pub fn attend<T>(work: impl FnOnce() -> T) -> T {
    let meeting = MEETING
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone();
    match meeting {
        Some(meeting) => {
            let _in_flight = meeting.arrive();
            work()
        }
        None => work(),
    }
}

/// Installs a meeting of `expected` chunks, each waiting at most `patience`, until the
/// returned guard is dropped. For the check: one at a time in a process.
pub fn install(expected: usize, patience: Duration) -> Installed {
    let meeting = Arc::new(Rendezvous::new(expected, patience));
    *MEETING.lock().unwrap_or_else(PoisonError::into_inner) = Some(Arc::clone(&meeting));
    Installed { meeting }
}

/// An installed meeting; it is removed when this is dropped.
#[derive(Debug)]
pub struct Installed {
    meeting: Arc<Rendezvous>,
}

impl Installed {
    /// The most chunks that were in flight at the same moment.
    pub fn most_at_once(&self) -> usize {
        self.meeting.most_at_once()
    }
}

impl Drop for Installed {
    fn drop(&mut self) {
        *MEETING.lock().unwrap_or_else(PoisonError::into_inner) = None;
    }
}
