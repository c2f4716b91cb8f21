//! The demonstration runs with `--quick` and reports what the chapter says it reports.

#[test]
fn demo_reports_the_locks_the_deadlocks_and_the_fixes() {
    let report = instruments::demo::check(env!("CARGO_BIN_EXE_lesson-06"));
    assert_eq!(report["lesson"], "lesson-06");
    let runs = report["measurements"].as_array().unwrap();
    let names: Vec<&str> = runs.iter().map(|m| m["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "Mutex: 4 readers, 1 writer",
            "RwLock: 4 readers, 1 writer",
            "transfers: paying account first",
            "transfers: lower id first",
            "dinner: left fork first",
            "dinner: lower fork first",
        ]
    );
    // How the locks let threads in, read from the recorded spans, not from the clock.
    assert_eq!(runs[0]["readers_at_once"], 1, "{report}");
    // Readers overlap behind an RwLock; how many at once depends on how soon the machine starts
    // their threads, so the check asks for overlap, not for all four.
    let together = runs[1]["readers_at_once"].as_u64().unwrap();
    assert!((2..=4).contains(&together), "{report}");
    assert_eq!(runs[0]["writer_alone"], "yes", "{report}");
    assert_eq!(runs[1]["writer_alone"], "yes", "{report}");
    let derived = &report["derived"];
    assert_eq!(derived["poisoned_after_panic"], true, "{report}");
    assert_eq!(derived["balance_found_after_panic"], 70, "{report}");

    // The fixed versions always finish (--quick: 2 x 500 transfers, 5 x 40 meals), with the
    // money conserved and no deadlock reported.
    assert_eq!(derived["fixed_transfers_completed"], 1_000, "{report}");
    assert_eq!(derived["fixed_deadlock_detected"], false, "{report}");
    assert_eq!(derived["money_conserved"], true, "{report}");
    assert_eq!(derived["philosophers_fixed_meals"], 200, "{report}");
    assert_eq!(runs[3]["deadlock"], "no", "{report}");
    assert_eq!(runs[5]["deadlock"], "no", "{report}");

    // A deadlock, when one is reported, is a cycle through every thread involved: the two
    // transfer threads, the five philosophers. Whether one happens depends on timing (the
    // demo retries the transfers up to three times and says if none came), so it is not
    // required here; what is reported must be well-formed.
    for (key, cycle, threads) in [
        ("deadlock_detected", "deadlock_cycle", 2),
        ("philosophers_deadlock_detected", "philosophers_cycle", 5),
    ] {
        let cycle = derived[cycle].as_array().unwrap();
        if derived[key] == true {
            assert_eq!(cycle.len(), threads, "{report}");
            assert!(
                cycle
                    .iter()
                    .all(|wait| wait.as_str().unwrap().contains(" waits for ")),
                "{report}"
            );
        } else {
            assert!(cycle.is_empty(), "{report}");
        }
    }
}

#[test]
fn text_run_prints_the_watchdogs_report_and_the_fixes() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_lesson-06"))
        .arg("--quick")
        .output()
        .expect("the lesson binary runs");
    assert!(output.status.success(), "{output:?}");
    // `Lesson::say` wraps a long sentence to the page, its further lines indented by two: join
    // them again before looking for a sentence.
    let text = String::from_utf8(output.stdout)
        .unwrap()
        .replace("\n  ", " ");
    assert!(
        ["2", "3", "4"]
            .iter()
            .any(|n| text.contains(&format!("RwLock let {n} readers in at once (Mutex: 1)"))),
        "{text}"
    );
    for line in [
        "lock() then returned Err(PoisonError); into_inner found 70",
        "lower id first: 1,000 of 1,000 transfers done, the watchdog saw no deadlock; money in \
         the bank 2,000,000",
        "lower fork first: 200 of 200 meals eaten, the watchdog saw no deadlock.",
    ] {
        assert!(text.contains(line), "missing {line:?} in:\n{text}");
    }
    assert!(
        text.contains("watchdog: DEADLOCK") || text.contains("no deadlock in 3 tries"),
        "{text}"
    );
}
