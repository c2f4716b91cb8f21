//! The demonstration runs with `--quick` and reports what the chapter says it reports.

use std::process::Command;

#[test]
fn demo_reports_every_run_and_the_speedup_curve() {
    let report = instruments::demo::check(env!("CARGO_BIN_EXE_lesson-07"));
    assert_eq!(report["lesson"], "lesson-07");
    let cores = report["cores"].as_u64().unwrap() as usize;
    assert!(report["ideal_seconds"].as_f64().unwrap() > 0.0);
    let runs = report["measurements"].as_array().unwrap();
    let names: Vec<&str> = runs.iter().map(|m| m["name"].as_str().unwrap()).collect();
    let expected = [
        "sequential",
        "rayon par_iter",
        "rayon, largest first",
        "uneven: fixed slices",
        "uneven: work stealing",
        "I/O: 6 workers",
        "I/O: 50 workers",
        "CPU: 1 thread",
        "CPU: 2 threads",
        "CPU: 4 threads",
        "CPU: 64 threads",
        "CPU: 1000 threads",
    ];
    assert_eq!(names, expected, "{report}");
    // Facts about how each run went, not how fast.
    let figure = |name: &str, key: &str| {
        runs.iter().find(|m| m["name"] == name).unwrap()[key]
            .as_u64()
            .unwrap() as usize
    };
    assert_eq!(figure("sequential", "threads_used"), 1);
    assert_eq!(figure("sequential", "most_at_once"), 1);
    // A pool never runs more downloads at once than it has workers. (How many of them got
    // work depends on how fast sleeping workers wake up: not a fact to assert.)
    assert!((2..=6).contains(&figure("I/O: 6 workers", "most_at_once")));
    assert!(figure("I/O: 6 workers", "threads_used") <= 6);
    assert!(figure("I/O: 50 workers", "threads_used") <= 50);
    assert!(figure("I/O: 50 workers", "most_at_once") > 6, "{report}");
    assert_eq!(figure("CPU: 1000 threads", "threads_used"), 1000);
    let curve = report["derived"]["speedup_curve"].as_array().unwrap();
    assert_eq!(curve.len(), cores + 1, "{report}");
    assert_eq!(curve[0]["workers"], 1);
    assert_eq!(curve[0]["speedup"], 1.0);
    assert_eq!(curve[cores]["workers"], 2 * cores);
    for key in [
        "rayon_speedup",
        "largest_first_speedup",
        "best_possible_speedup",
        "work_stealing_gain",
        "par_iter_busiest_share",
        "largest_first_busiest_share",
        "work_stealing_expected_gain",
        "io_six_over_fifty",
        "thousand_threads_over_one",
    ] {
        assert!(
            report["derived"][key].as_f64().is_some_and(|x| x > 0.0),
            "{key}: {report}"
        );
    }
}

#[test]
fn svg_flag_writes_the_curve_beside_the_timelines() {
    let dir = std::env::temp_dir().join(format!("lesson-07-pictures-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let timelines = dir.join("timeline.svg");
    let output = Command::new(env!("CARGO_BIN_EXE_lesson-07"))
        .args(["--quick", "--json", "--svg", timelines.to_str().unwrap()])
        .output()
        .expect("the lesson binary runs");
    assert!(output.status.success(), "{output:?}");
    assert!(
        std::fs::read_to_string(&timelines)
            .unwrap()
            .starts_with("<svg")
    );
    let drawn = std::fs::read_to_string(dir.join("speedup.svg")).expect("--svg writes the curve");
    assert!(drawn.starts_with("<svg"), "{drawn}");
    assert!(
        drawn.contains("<polyline") && drawn.contains("workers"),
        "{drawn}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
