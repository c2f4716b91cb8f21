// WRONG [std-sync]: takes Mutex from std through a grouped import, hiding the locks from loom. => "import your sync types from crate::sync"
// The reference answer (src/solutions/bank.rs) with the mistake written in:
// REPLACE
use crate::sync::{Mutex, MutexGuard, PoisonError};
// WITH
// Deliberately wrong: std's locks, which loom cannot see.
use std::{sync::{Mutex, MutexGuard, PoisonError}};
// END
