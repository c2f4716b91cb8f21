//! The demonstration runs with `--quick` and reports what the chapter says it reports.

#[test]
fn demo_reports_costs_memory_crashes_and_the_pools() {
    let report = instruments::demo::check(env!("CARGO_BIN_EXE_lesson-09"));
    assert_eq!(report["lesson"], "lesson-09");
    let keys: Vec<&str> = (report["measurements"].as_array().unwrap().iter())
        .map(|m| m["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys,
        [
            "thread_spawn_join",
            "process_spawn_wait",
            "channel_round_trips",
            "pipe_round_trips",
            "sequential",
            "rayon",
            "process_pool",
        ],
        "{report}"
    );
    let derived = &report["derived"];
    let number = |key: &str| {
        derived[key]
            .as_f64()
            .unwrap_or_else(|| panic!("{key}: {report}"))
    };
    for key in [
        "thread_spawn_us",
        "process_spawn_us",
        "channel_round_trip_us",
    ] {
        assert!(number(key) > 0.0, "{key}: {report}");
    }
    assert!(number("pipe_round_trip_us") > 0.0, "{report}");
    // Separate memory, exactly: the child's count stays in the child.
    assert_eq!(derived["counter_in_child"], 1_000, "{report}");
    assert_eq!(derived["counter_in_parent_after_child"], 0, "{report}");
    assert_eq!(derived["counter_in_parent_after_thread"], 1_000, "{report}");
    // Crash isolation: the worker's abort is its own; the thread's ends its whole process.
    assert!(
        derived["worker_abort"]
            .as_str()
            .is_some_and(|e| e.contains("aborted (SIGABRT)")),
        "{report}"
    );
    assert_eq!(derived["answered_after_worker_abort"], true, "{report}");
    assert_eq!(derived["thread_abort"], "aborted (SIGABRT)", "{report}");
    assert_eq!(derived["thread_abort_main_went_on"], false, "{report}");
    assert_eq!(derived["same_sums"], true, "{report}");
    assert!(number("process_pool_processes") >= 1.0, "{report}");
    assert!(number("rayon_speedup") > 0.0 && number("process_pool_speedup") > 0.0);
}
