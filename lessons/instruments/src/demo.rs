//! The checks every lesson's `tests/demo.rs` makes of its demonstration binary, in one place:
//! `--quick --json` prints the promised report, the text run draws a timeline, `--svg` and
//! `--trace` write their files, and an unknown flag prints the usage and exits 2.
//!
//! In a lesson's `tests/demo.rs` (Cargo sets `CARGO_BIN_EXE_<name>` only for its own tests):
//!
//! ```ignore
//! let report = instruments::demo::check(env!("CARGO_BIN_EXE_lesson-01"));
//! assert_eq!(report["measurements"][0]["name"], "sequential");
//! ```

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn run(binary: &str, args: &[&str]) -> Output {
    Command::new(binary)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {binary}: {e}"))
}

/// Runs the demonstration in each mode and checks what every lesson promises; returns the
/// `--quick --json` report for the lesson's own assertions.
#[track_caller]
pub fn check(binary: &str) -> Value {
    let output = run(binary, &["--quick", "--json"]);
    assert!(output.status.success(), "--quick --json failed: {output:?}");
    let report: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("--json must print one JSON object ({e}): {output:?}"));
    assert!(
        report["lesson"]
            .as_str()
            .is_some_and(|l| l.starts_with("lesson-")),
        "{report}"
    );
    assert!(report["cores"].as_u64().is_some_and(|c| c >= 1), "{report}");
    let measurements = report["measurements"]
        .as_array()
        .expect("a list of measurements");
    assert!(!measurements.is_empty(), "{report}");
    for measurement in measurements {
        assert!(measurement["name"].is_string(), "{measurement}");
        assert!(
            measurement["seconds"].as_f64().is_some_and(|s| s >= 0.0),
            "{measurement}"
        );
    }
    assert!(report["derived"].is_object(), "{report}");

    let dir = std::env::temp_dir().join(format!(
        "{}-demo-{}",
        report["lesson"].as_str().unwrap_or("lesson"),
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let (svg, trace) = (dir.join("timeline.svg"), dir.join("trace.json"));
    let output = run(
        binary,
        &["--quick", "--svg", path(&svg), "--trace", path(&trace)],
    );
    assert!(
        output.status.success(),
        "--quick --svg --trace failed: {output:?}"
    );
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains('█') && text.contains('┴'),
        "no timeline drawn:\n{text}"
    );
    let drawn = std::fs::read_to_string(&svg).expect("--svg writes its file");
    assert!(
        drawn.starts_with("<svg") && drawn.contains("<rect"),
        "{drawn}"
    );
    let events: Value = serde_json::from_str(&std::fs::read_to_string(&trace).expect("--trace"))
        .expect("--trace writes JSON");
    assert!(
        events["traceEvents"]
            .as_array()
            .is_some_and(|e| e.iter().any(|e| e["ph"] == "X")),
        "the trace has no span events"
    );
    let _ = std::fs::remove_dir_all(&dir);

    let output = run(binary, &["--no-such-flag"]);
    assert_eq!(
        output.status.code(),
        Some(2),
        "an unknown flag must exit 2: {output:?}"
    );
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("Usage"),
        "{output:?}"
    );
    report
}

fn path(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}
