//! The demonstration runs with `--quick` and reports what the chapter says it reports.

use std::process::Command;

use serde_json::Value;

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_lesson-01"))
        .args(args)
        .output()
        .expect("the lesson binary runs")
}

#[test]
fn quick_json_run_reports_each_variant() {
    let output = run(&["--quick", "--json"]);
    assert!(output.status.success(), "{output:?}");
    let report: Value = serde_json::from_slice(&output.stdout).expect("--json prints JSON");
    assert_eq!(report["lesson"], "lesson-01");
    assert!(report["ideal_seconds"].as_f64().unwrap() > 0.0);
    let runs = report["measurements"].as_array().unwrap();
    let names: Vec<&str> = runs.iter().map(|m| m["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["sequential", "threads", "tokio, one thread"]);
    // Facts about how each variant ran, not about how fast: one thread at a time, three
    // threads at once, three tasks at once on one thread.
    let figure = |run: usize, key: &str| runs[run][key].as_u64().unwrap();
    assert_eq!(
        (figure(0, "threads_used"), figure(0, "most_at_once")),
        (1, 1)
    );
    assert_eq!(
        (figure(1, "threads_used"), figure(1, "most_at_once")),
        (3, 3)
    );
    assert_eq!(
        (figure(2, "threads_used"), figure(2, "most_at_once")),
        (1, 3)
    );
    for key in ["sequential", "threads", "tokio"] {
        let derived = &report["derived"][format!("{key}_ratio_to_ideal")];
        assert!(derived.as_f64().unwrap() >= 0.99, "{report}");
    }
}

#[test]
fn text_run_draws_timelines_and_svg_and_trace_are_written() {
    let dir = std::env::temp_dir().join(format!("lesson-01-demo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (svg, trace) = (dir.join("t.svg"), dir.join("t.json"));
    let output = run(&[
        "--quick",
        "--svg",
        svg.to_str().unwrap(),
        "--trace",
        trace.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("█") && text.contains("threads:"), "{text}");
    assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));
    let trace: Value = serde_json::from_str(&std::fs::read_to_string(&trace).unwrap()).unwrap();
    assert!(trace["traceEvents"].as_array().unwrap().len() >= 9);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn unknown_flag_prints_usage_and_exits_2() {
    let output = run(&["--fast"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("Usage"));
}
