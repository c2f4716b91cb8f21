//! The demonstration runs with `--quick` and reports what the chapter says it reports.

#[test]
fn demo_reports_each_variant_and_how_it_ran() {
    let report = instruments::demo::check(env!("CARGO_BIN_EXE_lesson-01"));
    assert_eq!(report["lesson"], "lesson-01");
    assert!(report["ideal_seconds"].as_f64().unwrap() > 0.0);
    let runs = report["measurements"].as_array().unwrap();
    let names: Vec<&str> = runs.iter().map(|m| m["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["sequential", "threads", "tokio, one thread"]);
    // Facts about how each variant ran, not about how fast: one thread at a time; three
    // threads, overlapping (all three at once unless the machine started one 50 ms late);
    // three tasks at once on one thread (started in one poll, whatever the load).
    let figure = |run: usize, key: &str| runs[run][key].as_u64().unwrap();
    assert_eq!(
        (figure(0, "threads_used"), figure(0, "most_at_once")),
        (1, 1)
    );
    assert_eq!(figure(1, "threads_used"), 3);
    assert!((2..=3).contains(&figure(1, "most_at_once")), "{report}");
    assert_eq!(
        (figure(2, "threads_used"), figure(2, "most_at_once")),
        (1, 3)
    );
    for key in ["sequential", "threads", "tokio"] {
        let derived = &report["derived"][format!("{key}_ratio_to_ideal")];
        assert!(derived.as_f64().unwrap() >= 0.99, "{report}");
    }
}
