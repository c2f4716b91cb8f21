//! The demonstration runs with `--quick` and reports what the chapter says it reports.

#[test]
fn demo_reports_each_design_and_how_it_ran() {
    let report = instruments::demo::check(env!("CARGO_BIN_EXE_lesson-11"));
    assert_eq!(report["lesson"], "lesson-11");
    assert!(report["ideal_seconds"].as_f64().unwrap() > 0.0, "{report}");
    let runs = report["measurements"].as_array().unwrap();
    let keys: Vec<&str> = runs.iter().map(|m| m["key"].as_str().unwrap()).collect();
    // Python's row is there only where python3 is installed.
    assert_eq!(
        keys[..3],
        ["two_stages", "streaming", "on_the_runtime"],
        "{report}"
    );
    let derived = &report["derived"];
    let figure = |key: &str| {
        derived[key]
            .as_u64()
            .unwrap_or_else(|| panic!("{key}: {report}"))
    };
    let pages = figure("pages");
    // The two stages hold every page and start analysing after the last download; the
    // streaming pipeline starts before it, and its queue stays within the channel (plus one
    // page in the downloads' hands and one in each worker's, a core each, at most).
    assert_eq!(figure("two_stages_most_pages_waiting"), pages);
    assert_eq!(figure("two_stages_downloaded_before_first_analysis"), pages);
    assert!(
        figure("streaming_downloaded_before_first_analysis") < pages,
        "{report}"
    );
    let capacity = figure("queue_capacity");
    assert!(
        figure("streaming_most_pages_waiting") <= capacity + 1 + 2,
        "{report}"
    );
    for key in [
        "streaming_speedup",
        "heartbeat_lateness_ratio",
        "download_stage_seconds",
    ] {
        assert!(derived[key].is_number(), "{key}: {report}");
    }
}
