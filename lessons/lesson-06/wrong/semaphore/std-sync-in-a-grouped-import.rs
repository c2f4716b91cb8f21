// WRONG [std-sync]: takes Mutex and Condvar from std through a grouped import, hiding every wait from loom. => "import your sync types from crate::sync"
// The reference answer (src/solutions/semaphore.rs) with the mistake written in:
// REPLACE
use crate::sync::{Condvar, Mutex, MutexGuard, PoisonError};
// WITH
// Deliberately wrong: std's lock and condvar, which loom cannot see.
use std::{sync::{Condvar, Mutex, MutexGuard, PoisonError}};
// END
