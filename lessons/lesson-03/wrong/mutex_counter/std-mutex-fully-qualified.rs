// WRONG [std-sync]: spells std::sync::Mutex out in the field and in new, with no import at all. => "import your sync types from crate::sync"
// The reference answer (src/solutions/mutex_counter.rs) with the mistake written in:
// REPLACE
use crate::sync::Mutex;

// WITH
// END
// REPLACE
    count: Mutex<u64>,
// WITH
    // Deliberately wrong: std's Mutex, which loom cannot see.
    count: std::sync::Mutex<u64>,
// END
// REPLACE
            count: Mutex::new(0),
// WITH
            count: std::sync::Mutex::new(0),
// END
