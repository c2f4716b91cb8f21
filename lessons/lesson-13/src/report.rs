//! What the demonstration reports, computed from typed values: the four ways of failing fast
//! (when the error came back, how long the others ran on), the two panicking tasks (what the
//! caller saw), the one-line facts of [`crate::tour`], and the panics the hook recorded.

use std::time::Duration;

use instruments::compare::{Columns, Compared, Comparison, Keep};
use instruments::timeline::format_duration as time;
use instruments::{Lesson, Recorder};
use tokio::runtime::Runtime;

use crate::{FailFast, FailFastRun, awaited_panic, detached_panic, panics, tour};

/// Fetches the demonstration's pages the four ways, each on `runtime`, and reports them: the
/// median of three runs each (one with `--quick`), as a timer on a busy machine fires late now
/// and then.
pub fn fail_fast(lesson: &mut Lesson, runtime: &Runtime, unit: Duration) {
    let repeats = if lesson.quick() { 1 } else { 3 };
    let run = |way: FailFast| move |r: &Recorder| runtime.block_on(way.run(r, unit));
    let compared: Compared<FailFastRun> = Comparison::new()
        .variant("join_all", "join_all, then check", run(FailFast::JoinAll))
        .variant(
            "try_join_all",
            "try_join_all (futures)",
            run(FailFast::TryJoinAll),
        )
        .variant(
            "detached",
            "spawned, handles dropped",
            run(FailFast::Detached),
        )
        .variant("token", "spawned, CancellationToken", run(FailFast::Token))
        .repeats(repeats, Keep::Median)
        .run();
    let secs = |d: Duration| d.as_secs_f64().into();
    compared.report(lesson, Columns::default(), |o| {
        let run = &o.value;
        vec![
            ("returned", secs(run.returned_after)),
            ("others_ran_on", secs(run.ran_on)),
        ]
    });
    let kept = instruments::runs::kept(repeats, Keep::Median);
    lesson.say(format!(
        "Five fetches at once; page-3 fails (404) at 3 units. Each drawn to its end ({kept}):"
    ));
    lesson.draw_timelines();
    for o in &compared.outcomes {
        let run = &o.value;
        let (returned, ran_on) = (time(run.returned_after), time(run.ran_on));
        let verdict = crate::ran_on_verdict(run.returned_after, run.ran_on, unit * 3);
        lesson.say(format!(
            "{}: error back at {returned}, others ran on {ran_on}: {verdict}.",
            o.name
        ));
        lesson.derive(
            &format!("{}_returned_seconds", o.key),
            run.returned_after.as_secs_f64(),
        );
        lesson.derive(
            &format!("{}_others_ran_on_seconds", o.key),
            run.ran_on.as_secs_f64(),
        );
    }
}

/// A task that panics with its handle dropped, and one joined from a `JoinSet`: how many
/// panics happened (the hook's count) and what the caller saw.
pub fn lost_panic(lesson: &mut Lesson, runtime: &Runtime, unit: Duration) {
    let compared = Comparison::new()
        .variant("detached_panic", "task panics, JoinHandle dropped", |r| {
            (
                runtime.block_on(detached_panic(r, unit)),
                panics::take().len(),
            )
        })
        .variant("joined_panic", "task panics, JoinSet joined", |r| {
            (
                runtime.block_on(awaited_panic(r, unit)),
                panics::take().len(),
            )
        })
        .run();
    compared.report(lesson, Columns::default(), |o| {
        let saw = u64::from(o.value.0.is_some());
        vec![("panics", o.value.1.into()), ("caller_saw", saw.into())]
    });
    lesson.say("\nA task that panics, with nobody waiting, and with a JoinSet waiting:");
    lesson.draw_timelines();
    for o in &compared.outcomes {
        let (seen, happened) = (&o.value.0, o.value.1);
        let saw = seen
            .as_ref()
            .map_or("nothing".to_owned(), |m| format!("JoinError {m:?}"));
        lesson.say(format!(
            "{}: {happened} panic, the caller saw {saw}.",
            o.name
        ));
        lesson.derive(&format!("{}_seen_by_caller", o.key), seen.is_some());
    }
}

/// The one-line facts, then the table, then the panics the hook recorded.
pub fn facts_and_panics(lesson: &mut Lesson) {
    lesson.say("\nOne line each (tokio's on its paused clock, so the times are exact):");
    for fact in tour::facts() {
        lesson.say(format!("- {}", fact.line));
        lesson.derive(fact.key, fact.value);
    }
    lesson.print_table();
    let recorded = panics::take();
    lesson.derive("tour_panics_recorded", recorded.len());
    lesson.say(format!(
        "The one-line facts provoked {} panics; the panic hook recorded them instead of \
         printing them:",
        recorded.len()
    ));
    for panic in &recorded {
        lesson.say(format!("  {panic}"));
    }
}

/// The same failures in Python (`python/errors.py`, where `python3` is installed): what
/// `asyncio.gather` and `asyncio.TaskGroup` do with the other tasks, where a thread's
/// exception goes, and "Task exception was never retrieved".
pub fn python(lesson: &mut Lesson, unit: Duration) {
    let script = instruments::python::script(env!("CARGO_MANIFEST_DIR"), "errors.py");
    let args = [unit.as_secs_f64().to_string()];
    let report = match instruments::python::run(&script, &args, Duration::from_secs(60)) {
        Ok(report) => report,
        Err(error) => return lesson.say(format!("\nPython: not run ({error}).")),
    };
    let number = |key: &str| report[key].as_f64().unwrap_or_default();
    let at = |key: &str| time(Duration::from_secs_f64(number(key)));
    let version = report["python"].as_str().unwrap_or("?").to_owned();
    lesson.say(format!("\nPython {version}, the same five fetches:"));
    lesson.say(format!(
        "- asyncio.gather raised at {}; the other tasks ran on {} after the error",
        at("gather_raised_seconds"),
        at("gather_others_ran_on_seconds"),
    ));
    lesson.say(format!(
        "- gather(return_exceptions=True) returned at {}, with {} error as a value",
        at("return_exceptions_seconds"),
        number("return_exceptions_errors"),
    ));
    if report.get("task_group_raised_seconds").is_some() {
        lesson.say(format!(
            "- asyncio.TaskGroup raised at {}; the others stopped {} after the error",
            at("task_group_raised_seconds"),
            at("task_group_others_ran_on_seconds"),
        ));
    }
    let reraised = report["executor_reraised"].as_str().unwrap_or("nothing");
    lesson.say(format!(
        "- a thread that raised: join() returned normally, threading.excepthook saw {}; \
         future.result() raised it again: {reraised:?}",
        number("thread_hook_saw"),
    ));
    let told = report["never_retrieved"].as_array().map_or(0, Vec::len);
    lesson.say(format!(
        "- a task that raised, never awaited: {told} \"Task exception was never retrieved\", \
         when it was garbage-collected"
    ));
    lesson.derive("python_version", version);
    for key in [
        "gather_raised_seconds",
        "gather_others_ran_on_seconds",
        "return_exceptions_seconds",
        "task_group_raised_seconds",
        "task_group_others_ran_on_seconds",
    ] {
        if let Some(value) = report[key].as_f64() {
            lesson.derive(&format!("python_{key}"), value);
        }
    }
    lesson.derive("python_never_retrieved_reports", told);
}
