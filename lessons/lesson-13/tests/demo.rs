//! The demonstration runs with `--quick` and reports what the chapter says it reports.

#[test]
fn demo_reports_how_long_the_others_ran_on_and_what_the_caller_saw() {
    let report = instruments::demo::check(env!("CARGO_BIN_EXE_lesson-13"));
    assert_eq!(report["lesson"], "lesson-13");
    let keys: Vec<&str> = report["measurements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys,
        [
            "join_all",
            "try_join_all",
            "detached",
            "token",
            "detached_panic",
            "joined_panic"
        ],
        "{report}"
    );
    let derived = &report["derived"];
    let seconds = |key: &str| derived[key].as_f64().unwrap();
    // Quick sizes: a unit of 10 ms; page-3 fails at 30 ms; the slowest page takes 90 ms.
    // Without cancellation the others run on about 60 ms after the error; with it, ~0.
    for key in ["join_all", "detached"] {
        assert!(
            seconds(&format!("{key}_others_ran_on_seconds")) > 0.035,
            "{report}"
        );
    }
    for key in ["try_join_all", "token"] {
        assert!(
            seconds(&format!("{key}_others_ran_on_seconds")) < 0.025,
            "{report}"
        );
    }
    assert!(seconds("join_all_returned_seconds") > 0.08, "{report}");
    assert!(seconds("detached_returned_seconds") < 0.06, "{report}");
    assert_eq!(derived["detached_panic_seen_by_caller"], false);
    assert_eq!(derived["joined_panic_seen_by_caller"], true);
    assert_eq!(derived["thread_join_error"], "page 3 is corrupt");
    assert_eq!(derived["scope_error"], "a scoped thread panicked");
    assert_eq!(derived["join_error_is_panic"], true);
    assert_eq!(derived["join_error_is_cancelled"], true);
    assert_eq!(derived["dropped_handle_task_ended_seconds"], 0.1);
    assert_eq!(derived["dropped_join_set_task_ended_seconds"], 0.01);
    assert_eq!(derived["timeout_fetch_ended_seconds"], 0.2);
    assert_eq!(derived["select_recv_received"], 12);
    assert!(derived["select_pairs_received"].as_u64().unwrap() < 12);
    assert_eq!(derived["rayon_error"], "page 13 is corrupt");
    let child = derived["panic_abort_child"].as_str().unwrap();
    assert!(child.contains("join never returned"), "{child}");
    assert_eq!(derived["tour_panics_recorded"], 5);
    // Python's rows are there only where python3 is installed: gather does not cancel the
    // others, a TaskGroup (3.11+) does.
    if derived.get("python_version").is_some() {
        assert!(
            seconds("python_gather_others_ran_on_seconds") > 0.035,
            "{report}"
        );
        if derived
            .get("python_task_group_others_ran_on_seconds")
            .is_some()
        {
            assert!(
                seconds("python_task_group_others_ran_on_seconds") < 0.025,
                "{report}"
            );
        }
        assert_eq!(derived["python_never_retrieved_reports"], 1, "{report}");
    }
}
