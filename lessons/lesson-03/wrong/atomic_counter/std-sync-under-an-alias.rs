// WRONG [std-sync]: reaches std's atomics through an alias of std::sync. => "import your sync types from crate::sync"
// The reference answer (src/solutions/atomic_counter.rs) with the mistake written in:
// REPLACE
use crate::sync::atomic::{AtomicU64, Ordering};
// WITH
// Deliberately wrong: std's atomics, which loom cannot see.
use std::sync as s;
use s::atomic::{AtomicU64, Ordering};
// END
