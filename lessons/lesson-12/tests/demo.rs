//! The demonstration runs with `--quick` and reports what the chapter says it reports.

use serde_json::Value;

const MODELS: [&str; 7] = [
    "sequential",
    "threads",
    "thread_pool",
    "rayon",
    "tokio",
    "tokio_rayon",
    "processes",
];

#[test]
fn demo_measures_the_decision_table_and_the_pitfalls() {
    let report = instruments::demo::check(env!("CARGO_BIN_EXE_lesson-12"));
    assert_eq!(report["lesson"], "lesson-12");
    let table = &report["derived"]["decision_table"];
    for workload in ["io", "cpu", "waits", "mixed"] {
        let row = &table[workload];
        assert!(row["workload"].is_string(), "{row}");
        for model in MODELS {
            let seconds = &row["seconds"][model];
            let not_run = &row["not_run_least_seconds"][model];
            assert!(
                seconds.as_f64().is_some_and(|s| s > 0.0) || not_run.is_number(),
                "{workload}: {model} neither measured nor estimated: {row}"
            );
        }
        let best = row["best"].as_str().expect("a best model");
        assert!(MODELS.contains(&best), "{row}");
        let best_seconds = row["best_seconds"].as_f64().unwrap();
        for model in MODELS {
            if let Some(s) = row["seconds"][model].as_f64() {
                assert!(
                    s >= best_seconds,
                    "{workload}: {model} beat the best: {row}"
                );
            }
        }
        assert!(row["pick_within_10_percent"].is_boolean(), "{row}");
    }
    // The tree's picks (facts, not timings), and the models too slow to run.
    let pick = |w: &str| table[w]["pick"].as_str().unwrap().to_owned();
    assert_eq!(
        [pick("io"), pick("cpu"), pick("waits"), pick("mixed")],
        ["threads", "rayon", "tokio", "tokio_rayon"]
    );
    let waits = &table["waits"]["not_run_least_seconds"];
    for model in ["sequential", "thread_pool", "rayon", "processes"] {
        assert!(waits[model].as_f64().unwrap() > 1.0, "{waits}");
    }
    let keys: Vec<&str> = report["measurements"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["key"].as_str())
        .collect();
    for key in [
        "io_threads",
        "cpu_rayon",
        "waits_tokio",
        "mixed_tokio_rayon",
    ] {
        assert!(keys.contains(&key), "{key} missing: {keys:?}");
    }
    for key in [
        "pitfall_1000_threads",
        "pitfall_default_pool",
        "pitfall_blocking_sleep",
    ] {
        assert!(keys.contains(&key), "{key} missing: {keys:?}");
    }
    // Loosely: the default pool's waits take turns, and so do blocked tasks.
    let derived = |key: &str| report["derived"][key].as_f64().unwrap();
    assert!(derived("default_pool_over_50_threads") > 2.0, "{report}");
    assert!(derived("blocking_over_awaited") > 2.0, "{report}");
    assert!(derived("thousand_threads_over_rayon") > 0.0, "{report}");
    // Python's rows are there only where python3 is installed.
    if report["derived"]["python_version"].is_string() {
        for key in [
            "python_io_threads",
            "python_cpu_processes",
            "python_io_asyncio",
        ] {
            assert!(keys.contains(&key), "{key} missing: {keys:?}");
        }
        assert!(
            report["derived"]["python_term_over_rust_term"]
                .as_f64()
                .unwrap()
                > 1.0
        );
    }
    let _: &Value = &report;
}
