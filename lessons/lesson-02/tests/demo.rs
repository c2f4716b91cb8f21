//! The demonstration runs with `--quick` and reports what the chapter says it reports.

use std::process::Command;

use serde_json::Value;

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_lesson-02"))
        .args(args)
        .output()
        .expect("the lesson binary runs")
}

#[test]
fn quick_json_run_reports_both_runs_and_the_thread_basics() {
    let output = run(&["--quick", "--json"]);
    assert!(output.status.success(), "{output:?}");
    let report: Value = serde_json::from_slice(&output.stdout).expect("--json prints JSON");
    assert_eq!(report["lesson"], "lesson-02");
    let cores = report["cores"].as_u64().unwrap();
    let workers = cores.max(2);
    let runs = report["measurements"].as_array().unwrap();
    let names: Vec<&str> = runs.iter().map(|m| m["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["one worker", "all cores"]);
    // Facts about how each run went, not how fast: one worker ran one slice at a time on one
    // thread; all cores ran every task at once, each on its own worker.
    let figure = |run: usize, key: &str| runs[run][key].as_u64().unwrap();
    assert_eq!(
        (figure(0, "threads_used"), figure(0, "most_at_once")),
        (1, 1),
        "{report}"
    );
    assert_eq!(
        (figure(1, "threads_used"), figure(1, "most_at_once")),
        (workers, workers),
        "{report}"
    );
    assert!(report["ideal_seconds"].as_f64().unwrap() > 0.0);
    let derived = &report["derived"];
    assert!(
        derived["parallel_speedup"].as_f64().unwrap() > 0.0,
        "{report}"
    );
    assert_eq!(
        derived["ideal_speedup"].as_f64(),
        Some(workers.min(cores) as f64)
    );
    assert!(derived["thread_start_seconds"].as_f64().unwrap() > 0.0);
    assert_eq!(derived["moved_total"], 500_500);
    assert_eq!(
        derived["thread_names"],
        serde_json::json!(["baker-1", "baker-2", "baker-3"])
    );
    assert_eq!(derived["panic_message"], "the oven caught fire");
}

#[test]
fn text_run_draws_timelines_and_svg_and_trace_are_written() {
    let dir = std::env::temp_dir().join(format!("lesson-02-demo-{}", std::process::id()));
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
    for expected in [
        "Task A │",
        "Task B │",
        "█",
        "░",
        "one worker:",
        "all cores:",
    ] {
        assert!(text.contains(expected), "no {expected:?} in:\n{text}");
    }
    assert!(text.contains("faster than one worker"), "{text}");
    // The panicking thread's message goes to stderr, as the chapter says.
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(errors.contains("the oven caught fire"), "{errors}");
    assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));
    let trace: Value = serde_json::from_str(&std::fs::read_to_string(&trace).unwrap()).unwrap();
    // Two tasks of 6 slices, twice, at least.
    assert!(trace["traceEvents"].as_array().unwrap().len() >= 24);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn unknown_flag_prints_usage_and_exits_2() {
    let output = run(&["--fast"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("Usage"));
}
