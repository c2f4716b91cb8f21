//! The demonstration runs with `--quick` and reports what the chapter says it reports.

#[test]
fn demo_reports_the_racy_counter_and_the_three_fixes() {
    let report = instruments::demo::check(env!("CARGO_BIN_EXE_lesson-03"));
    assert_eq!(report["lesson"], "lesson-03");
    let runs = report["measurements"].as_array().unwrap();
    let names: Vec<&str> = runs.iter().map(|m| m["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        ["racy load/store", "fetch_add", "Mutex", "local then sum"]
    );
    // Facts about how each variant ran, not about how fast: four threads each, the fixes exact,
    // the racy counter never over the expected count (4 threads x 100,000 with --quick).
    let figure = |run: usize, key: &str| runs[run][key].as_u64().unwrap();
    for run in 0..4 {
        assert_eq!(figure(run, "threads_used"), 4, "{report}");
        assert_eq!(
            figure(run, "counted") + figure(run, "lost"),
            400_000,
            "{report}"
        );
    }
    for fix in 1..4 {
        assert_eq!(figure(fix, "counted"), 400_000, "{report}");
    }
    // The histogram's runs: five with --quick, each losing at most everything but one thread's.
    let lost = report["derived"]["racy_lost_per_run"].as_array().unwrap();
    assert_eq!(lost.len(), 5, "{report}");
    assert!(
        lost.iter().all(|l| l.as_u64().unwrap() < 400_000),
        "{report}"
    );
    let losing = report["derived"]["racy_runs_that_lost_updates"]
        .as_u64()
        .unwrap();
    assert_eq!(
        losing,
        lost.iter().filter(|l| l.as_u64() != Some(0)).count() as u64
    );
    for key in [
        "racy_median_lost_percent",
        "fetch_add_vs_racy",
        "mutex_vs_fetch_add",
        "fetch_add_vs_local_then_sum",
    ] {
        assert!(
            report["derived"][key].as_f64().unwrap() >= 0.0,
            "{key}: {report}"
        );
    }
}

#[test]
fn text_run_prints_the_histogram_and_the_verdicts() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_lesson-03"))
        .arg("--quick")
        .output()
        .expect("the lesson binary runs");
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    for line in [
        "run  1 │",
        "run  5 │",
        "racy: ",
        "fixes: 3 of 3 counted exactly 400,000.",
    ] {
        assert!(text.contains(line), "missing {line:?} in:\n{text}");
    }
    for name in ["racy load/store", "fetch_add", "Mutex", "local then sum"] {
        assert!(
            text.contains(&format!("{name}: 4 threads:")),
            "no timeline for {name}:\n{text}"
        );
    }
}
