//! The demonstration runs with `--quick` and reports what the chapter says it reports.

#[test]
fn demo_reports_each_variant_and_how_it_ran() {
    let report = instruments::demo::check(env!("CARGO_BIN_EXE_lesson-04"));
    assert_eq!(report["lesson"], "lesson-04");
    assert!(report["ideal_seconds"].as_f64().unwrap() > 0.0);
    let runs = report["measurements"].as_array().unwrap();
    let names: Vec<&str> = runs.iter().map(|m| m["name"].as_str().unwrap()).collect();
    assert_eq!(
        names[..6],
        [
            "cpu: sequential, GIL",
            "cpu: 4 GIL threads",
            "cpu: sequential, no GIL",
            "cpu: rayon, no GIL",
            "io: sequential, GIL",
            "io: 4 GIL threads"
        ]
    );
    // Facts about how each variant ran, not how fast. Under the GIL one thread runs at a time,
    // however many there are; native Rust has no GIL to report on.
    let figure = |run: usize, key: &str| runs[run][key].as_u64().unwrap();
    assert_eq!(
        (figure(0, "threads_used"), figure(0, "most_running")),
        (1, 1)
    );
    assert_eq!(figure(0, "gil_releases"), 0, "a lone thread never switches");
    assert_eq!(
        (figure(1, "threads_used"), figure(1, "most_running")),
        (4, 1)
    );
    assert_eq!(
        (figure(2, "threads_used"), figure(2, "most_running")),
        (1, 1)
    );
    for native in [2, 3] {
        assert!(runs[native].get("gil_releases").is_none(), "no GIL");
    }
    assert!((1..=4).contains(&figure(3, "most_running")));
    // One thread downloading: each download releases the GIL once, for its wait.
    assert_eq!((figure(4, "gil_releases"), figure(4, "most_in_io")), (4, 1));
    assert_eq!(
        (figure(5, "threads_used"), figure(5, "most_running")),
        (4, 1)
    );
    assert!(figure(5, "most_in_io") >= 2, "the waits overlap: {report}");
    for key in [
        "cpu_gil_threads_speedup",
        "cpu_no_gil_speedup",
        "io_gil_threads_speedup",
        "io_ratio_to_ideal",
    ] {
        assert!(report["derived"][key].as_f64().unwrap() > 0.0, "{key}");
    }
    // Python rows appear exactly when Python ran; otherwise the report says why not.
    for (group, variants) in [("cpu", 3), ("io", 2)] {
        let note = report["derived"][format!("python_{group}")]
            .as_str()
            .unwrap();
        let rows = names
            .iter()
            .filter(|name| name.starts_with(&format!("python {group}:")))
            .count();
        let expected = if note.starts_with("not run") {
            0
        } else {
            variants
        };
        assert_eq!(rows, expected, "python {group}: {note}");
    }
}

#[test]
fn text_run_says_what_it_concluded() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_lesson-04"))
        .arg("--quick")
        .output()
        .expect("the lesson binary runs");
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    for expected in [
        "cpu: 4 GIL threads:",
        "GIL threads, CPU-bound:",
        "GIL threads, I/O-bound:",
        "rayon, no GIL:",
    ] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
    // Either the tutorials' programs ran, or the lesson said why not.
    assert!(
        text.contains("CPython") || text.contains("python cpu"),
        "{text}"
    );
}
