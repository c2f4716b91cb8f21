// WRONG [std-sync]: imports std's Mutex through a grouped import, hiding every lock from loom. => "import your sync types from crate::sync"
// The reference answer (src/solutions/mutex_counter.rs) with the mistake written in:
// REPLACE
use crate::sync::Mutex;
// WITH
// Deliberately wrong: std's Mutex, which loom cannot see.
use std::{sync::Mutex};
// END
