//! Checks that exercises share: they grade *how* code ran (from recorded spans), and when an
//! answer falls short they say so with the run's own timeline and advice, so a failure teaches.

use std::panic;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use crate::record::Span;
use crate::summary::{distinct_threads, max_concurrent};
use crate::timeline::draw;

const WIDTH: usize = 72;

/// The text of a panic's payload (a `&str` or a `String`; empty for anything else), so a
/// check can show the learner their own panic message.
pub fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|text| (*text).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

/// Fails, naming the exercise and showing the timeline, unless at least `at_least` spans were
/// open at the same moment.
#[track_caller]
pub fn expect_at_once(exercise: &str, spans: &[Span], at_least: usize, advice: &str) {
    let most = max_concurrent(spans);
    assert!(
        most >= at_least,
        "\n{exercise}: expected at least {at_least} of the {} recorded spans to run at the same \
         time, but at most {most} did:\n\n{}\n{advice}\n",
        spans.len(),
        draw(spans, WIDTH),
    );
}

/// Fails, naming the exercise and showing the timeline, unless the spans ran on at least
/// `at_least` distinct OS threads.
#[track_caller]
pub fn expect_threads(exercise: &str, spans: &[Span], at_least: usize, advice: &str) {
    let threads = distinct_threads(spans);
    assert!(
        threads >= at_least,
        "\n{exercise}: expected the work on at least {at_least} threads, but it ran on \
         {threads}:\n\n{}\n{advice}\n",
        draw(spans, WIDTH),
    );
}

/// Runs `check` on its own thread and fails with a message naming the exercise if it has not
/// finished within `limit`: a deadlocked answer otherwise hangs the whole test run. A panic in
/// `check` is passed on unchanged, so its own message is what the learner reads.
///
/// A thread that timed out is left behind, blocked; the test process ends anyway.
#[track_caller]
pub fn within<T: Send + 'static>(
    exercise: &str,
    limit: Duration,
    check: impl FnOnce() -> T + Send + 'static,
) -> T {
    within_waiting(
        exercise,
        limit,
        || "Is something waiting for a lock or a channel that never comes?".to_owned(),
        check,
    )
}

/// [`within`], saying on a timeout what was still waiting: `what_was_waiting` is asked only
/// then, so it can read what the run recorded up to that moment. The message reads
/// "`exercise`: timed out after `limit`. `what_was_waiting`" (the runner reads "timed out").
#[track_caller]
pub fn within_waiting<T: Send + 'static>(
    exercise: &str,
    limit: Duration,
    what_was_waiting: impl FnOnce() -> String,
    check: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (done, finished) = mpsc::channel();
    let worker = thread::Builder::new()
        .name(format!("check {exercise}"))
        .spawn(move || {
            let outcome = panic::catch_unwind(panic::AssertUnwindSafe(check));
            let _ = done.send(outcome);
        })
        .expect("the check's thread starts");
    match finished.recv_timeout(limit) {
        Ok(Ok(value)) => {
            let _ = worker.join();
            value
        }
        Ok(Err(payload)) => panic::resume_unwind(payload),
        Err(_) => panic!(
            "\n{exercise}: timed out after {limit:?}. {}\n",
            what_was_waiting()
        ),
    }
}

/// Runs every scenario at once, each on its own scoped thread, and returns what each returned,
/// in order. A check made of several slow scenarios (sleeping jobs) takes as long as its
/// longest one, not their sum. If any panicked, the first one's panic (in order) is passed on
/// unchanged, so its own message is the failure, as if they had run one after another.
pub fn all_at_once<T: Send, F: FnOnce() -> T + Send>(
    scenarios: impl IntoIterator<Item = F>,
) -> Vec<T> {
    thread::scope(|scope| {
        let handles: Vec<_> = scenarios
            .into_iter()
            .map(|scenario| scope.spawn(scenario))
            .collect();
        join_all(handles)
    })
}

/// Joins scoped threads in order, passing on the first one's panic unchanged (so its message,
/// such as the exercise's `todo!`, is the failure, not "a scoped thread panicked").
pub fn join_all<T>(handles: Vec<thread::ScopedJoinHandle<'_, T>>) -> Vec<T> {
    let results: Vec<_> = handles.into_iter().map(|handle| handle.join()).collect();
    results
        .into_iter()
        .map(|result| result.unwrap_or_else(|payload| panic::resume_unwind(payload)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(task: &str, thread: usize, start: u64, end: u64) -> Span {
        Span {
            task: task.into(),
            label: "work".into(),
            thread,
            thread_name: format!("thread-{thread}"),
            start: Duration::from_millis(start),
            end: Duration::from_millis(end),
        }
    }

    #[test]
    fn overlapping_spans_pass() {
        let spans = [span("a", 0, 0, 10), span("b", 1, 5, 15)];
        expect_at_once("exercise 0.1", &spans, 2, "run them together");
        expect_threads("exercise 0.1", &spans, 2, "use two threads");
    }

    #[test]
    fn sequential_spans_fail_with_the_timeline_and_the_advice() {
        let spans = [span("a", 0, 0, 10), span("b", 0, 10, 20)];
        let failure = panic::catch_unwind(|| {
            expect_at_once(
                "exercise 0.1 `run`",
                &spans,
                2,
                "Start them all, then join.",
            );
        })
        .unwrap_err();
        let message = failure.downcast_ref::<String>().unwrap();
        assert!(message.contains("exercise 0.1 `run`"), "{message}");
        assert!(message.contains("at most 1 did"), "{message}");
        assert!(message.contains('█'), "{message}");
        assert!(message.contains("Start them all, then join."), "{message}");
    }

    #[test]
    fn within_returns_the_value_or_names_the_hung_exercise() {
        assert_eq!(within("exercise 0.2", Duration::from_secs(5), || 7), 7);
        let failure = panic::catch_unwind(|| {
            within("exercise 0.2 `hang`", Duration::from_millis(50), || {
                thread::sleep(Duration::from_secs(2));
            });
        })
        .unwrap_err();
        let message = failure.downcast_ref::<String>().unwrap();
        assert!(
            message.contains("exercise 0.2 `hang`: timed out"),
            "{message}"
        );
    }
}
