//! The demonstration's one-line facts, each computed from what really happened: a panic
//! through `join`, `thread::scope`, errors as values, `JoinError`, a dropped `JoinHandle`
//! against a dropped `JoinSet`, `timeout`, cancellation safety in `select!`, rayon, and
//! `panic = "abort"` (in a child process, so the lesson survives it). The async ones run on
//! tokio's paused clock: their times are simulated, and exact.

use std::process::{Command, Stdio};
use std::time::Duration;

use instruments::Recorder;
use instruments::timeline::format_duration;
use serde_json::Value;
use tokio::task::JoinSet;

use crate::{
    ErrorKind, FETCH, Link, fetch, join_a_panicking_thread, join_errors, parse_in_threads,
    rayon_with_a_panic, scope_with_a_panicking_thread, through_select,
};

/// One fact: a key for `--json`, its value, and the sentence the lesson prints.
#[derive(Debug, Clone)]
pub struct Fact {
    pub key: &'static str,
    pub value: Value,
    pub line: String,
}

fn fact(key: &'static str, value: impl Into<Value>, line: String) -> Fact {
    Fact {
        key,
        value: value.into(),
        line,
    }
}

/// The environment variable that makes the lesson's binary the child of [`panic_abort`].
pub const CHILD: &str = "LESSON_13_PANIC_ABORT_CHILD";

/// Every fact, in the chapter's order.
pub fn facts() -> Vec<Fact> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .expect("a tokio runtime starts");
    let joined = join_a_panicking_thread().expect_err("the thread panicked");
    let scoped = scope_with_a_panicking_thread().expect_err("the scope panicked");
    let parsed = parse_in_threads(&["12", "x7", "30"]);
    let failed: Vec<&String> = parsed.iter().filter_map(|r| r.as_ref().err()).collect();
    let (is_panic, is_cancelled) = runtime.block_on(join_errors());
    let (handle, set) = runtime.block_on(dropped_handle_and_set());
    let timed_out = runtime.block_on(timeout_ends_the_fetch());
    let (each, pairs) = runtime.block_on(select_loops());
    let rayon = rayon_with_a_panic(100).expect_err("the rayon worker panicked");
    let child = panic_abort();
    let ms = |d: Duration| format_duration(d);
    vec![
        fact(
            "thread_join_error",
            joined.clone(),
            format!("thread panicked: join() returned Err({joined:?})"),
        ),
        fact(
            "scope_error",
            scoped.clone(),
            format!("thread::scope raised it again in the caller: {scoped:?}"),
        ),
        fact(
            "errors_as_values",
            failed.len(),
            format!(
                "3 threads returning Result: {} Ok, {} Err ({:?})",
                3 - failed.len(),
                failed.len(),
                failed[0]
            ),
        ),
        fact(
            "join_error_is_panic",
            is_panic,
            format!("tokio task panicked: JoinError::is_panic() = {is_panic}"),
        ),
        fact(
            "join_error_is_cancelled",
            is_cancelled,
            format!("tokio task aborted: JoinError::is_cancelled() = {is_cancelled}"),
        ),
        fact(
            "dropped_handle_task_ended_seconds",
            handle.as_secs_f64(),
            format!(
                "JoinHandle dropped at 10 ms: its task ran on to {} (detached)",
                ms(handle)
            ),
        ),
        fact(
            "dropped_join_set_task_ended_seconds",
            set.as_secs_f64(),
            format!(
                "JoinSet dropped at 10 ms: its task stopped at {} (aborted)",
                ms(set)
            ),
        ),
        fact(
            "timeout_fetch_ended_seconds",
            timed_out.as_secs_f64(),
            format!(
                "timeout(200 ms) around a 900 ms fetch: Err(Elapsed), fetch dropped at {}",
                ms(timed_out)
            ),
        ),
        fact(
            "select_recv_received",
            each,
            format!("select! loop on recv() (cancel safe): {each} of 12 messages"),
        ),
        fact(
            "select_pairs_received",
            pairs,
            format!("select! loop on a two-recv future (not cancel safe): {pairs} of 12"),
        ),
        fact(
            "rayon_error",
            rayon.clone(),
            format!("rayon worker panicked: the caller's sum() raised {rayon:?}"),
        ),
        fact(
            "panic_abort_child",
            child.clone(),
            format!("panic = \"abort\", in a child: {child}"),
        ),
    ]
}

/// A 100 ms task whose `JoinHandle` is dropped at 10 ms, and one whose `JoinSet` is: when did
/// each task's fetch end?
async fn dropped_handle_and_set() -> (Duration, Duration) {
    let recorder = Recorder::new();
    let link = Link::ok("detached", Duration::from_millis(100), &recorder);
    drop(tokio::spawn(async move { fetch(&link).await }));
    let mut set = JoinSet::new();
    let link = Link::ok("in a set", Duration::from_millis(100), &recorder);
    set.spawn(async move { fetch(&link).await });
    tokio::time::sleep(Duration::from_millis(10)).await;
    drop(set);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let end = |task: &str| {
        recorder
            .spans()
            .iter()
            .find(|s| s.task == task)
            .map(|s| s.end)
    };
    (
        end("detached").unwrap_or_default(),
        end("in a set").unwrap_or_default(),
    )
}

/// `timeout(200 ms)` around a 900 ms fetch: when did the fetch's span end?
async fn timeout_ends_the_fetch() -> Duration {
    let recorder = Recorder::new();
    let link = Link::failing(
        "slow",
        Duration::from_millis(900),
        ErrorKind::NotFound,
        &recorder,
    );
    let outcome = tokio::time::timeout(Duration::from_millis(200), fetch(&link)).await;
    assert!(outcome.is_err(), "the timeout passed first");
    recorder
        .spans_labelled(FETCH)
        .first()
        .map(|s| s.end)
        .unwrap_or_default()
}

/// How many of the 12 messages each `select!` loop received.
async fn select_loops() -> (usize, usize) {
    (
        through_select(false).await.len(),
        through_select(true).await.len(),
    )
}

/// Runs the lesson's own binary as a child whose panic hook aborts, as `panic = "abort"`
/// does after printing: a thread panics, and the whole child dies before `join` can return.
/// Returns what became of it, in words.
pub fn panic_abort() -> String {
    let Ok(exe) = std::env::current_exe() else {
        return "not run (the lesson's own path is unknown)".to_owned();
    };
    let output = Command::new(exe)
        .env(CHILD, "1")
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output(); // waits for the child: never a zombie
    match output {
        Ok(output) => {
            let said = String::from_utf8_lossy(&output.stdout);
            let joined = said.contains("joined");
            format!(
                "{} ({}), join {}",
                output.status,
                if output.status.success() {
                    "ran on"
                } else {
                    "the whole process died"
                },
                if joined { "returned" } else { "never returned" },
            )
        }
        Err(error) => format!("not run ({error})"),
    }
}

/// The child's part: a panic hook that aborts (what `panic = "abort"` does after printing),
/// then a thread that panics. `join` never returns: the whole process is gone.
pub fn panic_abort_child() -> ! {
    std::panic::set_hook(Box::new(|_| std::process::abort()));
    println!("spawning a thread that panics");
    let _ = std::thread::spawn(|| panic!("page 9 is corrupt")).join();
    println!("joined");
    std::process::exit(0)
}
