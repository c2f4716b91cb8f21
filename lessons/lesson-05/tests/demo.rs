//! The demonstration runs with `--quick` and reports what the chapter says it reports.

#[test]
fn demo_reports_backpressure_fan_out_and_the_timeout() {
    let report = instruments::demo::check(env!("CARGO_BIN_EXE_lesson-05"));
    assert_eq!(report["lesson"], "lesson-05");
    assert!(report["ideal_seconds"].as_f64().unwrap() > 0.0);
    let runs = report["measurements"].as_array().unwrap();
    let names: Vec<&str> = runs.iter().map(|m| m["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["bounded", "unbounded", "fan-out, 3 workers"]);
    // Structural facts, not speeds: the bounded queue never held more than its capacity, and
    // the producer blocked on it; every fan-out result came back, from 3 threads.
    let derived = &report["derived"];
    assert_eq!(derived["queue_capacity"], 4);
    assert!(
        derived["bounded_peak_queue"].as_u64().unwrap() <= 4,
        "{report}"
    );
    assert!(
        derived["bounded_producer_blocked_seconds"]
            .as_f64()
            .unwrap()
            > 0.0,
        "{report}"
    );
    assert_eq!(derived["unbounded_producer_blocked_seconds"], 0.0);
    assert_eq!(derived["fan_out_results"], 12);
    assert_eq!(derived["fan_out_threads_used"], 3);
    assert!(derived["fan_out_most_at_once"].as_u64().unwrap() >= 1);
    // The slow job (10x the patience) never arrives in time: the collector gives up.
    assert_eq!(derived["select_gave_up"], true);
    assert_eq!(derived["select_results"], 2);
}
