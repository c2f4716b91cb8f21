//! The demonstration runs with `--quick` and reports what the chapter says it reports.

#[test]
fn demo_reports_each_run_and_how_it_ran() {
    let report = instruments::demo::check(env!("CARGO_BIN_EXE_lesson-08"));
    assert_eq!(report["lesson"], "lesson-08");
    assert!(report["ideal_seconds"].as_f64().unwrap() > 0.0);
    let runs = report["measurements"].as_array().unwrap();
    let names: Vec<&str> = runs.iter().map(|m| m["name"].as_str().unwrap()).collect();
    // Python's row is there only where python3 is installed.
    assert_eq!(
        names[..5],
        [
            "Task A + Task B, one thread",
            "3 downloads, tokio::time::sleep",
            "3 downloads, std::thread::sleep",
            "tokio tasks",
            "std threads",
        ],
        "{report}"
    );
    let figure = |run: usize, key: &str| runs[run][key].as_u64().unwrap();
    // One thread throughout; polls never overlap; the async waits overlap, the blocking don't.
    assert_eq!(
        (figure(0, "threads_used"), figure(0, "most_at_once")),
        (1, 1)
    );
    assert!(figure(0, "polls") >= 14, "two tasks of 6 slices: {report}");
    assert!(report["derived"]["switches"].as_u64().unwrap() >= 1);
    assert_eq!(
        (figure(1, "threads_used"), figure(1, "most_at_once")),
        (1, 3)
    );
    assert_eq!(
        (figure(2, "threads_used"), figure(2, "most_at_once")),
        (1, 1)
    );
    // Quick sizes: 1,000 tasks, 100 threads, every one started.
    assert_eq!((figure(3, "count"), figure(4, "count")), (1_000, 100));
    assert!(
        report["derived"]["tokio_tasks_kb_each"].is_number(),
        "{report}"
    );
}
