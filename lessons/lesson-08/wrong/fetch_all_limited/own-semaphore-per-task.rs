// WRONG [unbounded]: each task makes a semaphore of its own, so every permit is free and nothing is limited. => "with limit 3, but 10 downloads"
// The reference answer (src/solutions/fetch_all_limited.rs) with the mistake written in:
// REPLACE
        let permits = Arc::clone(&permits);
        tasks.spawn(async move {
// WITH
        let _ = &permits;
        tasks.spawn(async move {
            // Deliberately wrong: a semaphore per task limits nothing.
            let permits = Arc::new(Semaphore::new(limit));
// END
