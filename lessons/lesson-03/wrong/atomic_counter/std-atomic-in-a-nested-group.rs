// WRONG [std-sync]: imports std's AtomicU64 through a nested import group, hiding it from loom. => "import your sync types from crate::sync"
// The reference answer (src/solutions/atomic_counter.rs) with the mistake written in:
// REPLACE
use crate::sync::atomic::{AtomicU64, Ordering};
// WITH
// Deliberately wrong: std's atomics, which loom cannot see.
use std::sync::{atomic::{AtomicU64, Ordering}};
// END
