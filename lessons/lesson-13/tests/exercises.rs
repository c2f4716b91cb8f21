//! Checks for lesson 13's exercises: `cargo test -p lesson-13`.
//!
//! All run on tokio's paused clock inside `instruments::blocking::run` (simulated waits take
//! no real time and every time is exact; a task that blocks the runtime's thread is caught in
//! real time; a hung answer gets its verdict in seconds). They read the recorded spans, which
//! end when a fetch, attempt or job finishes *or is dropped*: so a check sees exactly when
//! cancelled work stopped, and whether anything ran on after the answer came back.

use std::time::Duration;

use instruments::blocking::{self, Clock};
use instruments::check::expect_at_once;
use instruments::summary::max_concurrent;
use instruments::timeline::{draw, format_duration};
use instruments::{Recorder, Span};
use lesson_13::exercises::{fetch_all_fail_fast, fetch_with_retries, work_until_shutdown};
use lesson_13::{
    ATTEMPT, Answer, ErrorKind, FETCH, FetchError, Flaky, JOB, JobQueue, Ledger, Link, Page,
    Report, RetryPolicy,
};
use tokio::time::{Instant, sleep};
use tokio_util::sync::CancellationToken;

const FETCH_ALL: &str = "exercise 13.1 `fetch_all_fail_fast` \
                         (lessons/lesson-13/src/exercises/fetch_all_fail_fast.rs)";
const RETRIES: &str = "exercise 13.2 `fetch_with_retries` \
                       (lessons/lesson-13/src/exercises/fetch_with_retries.rs)";
const SHUTDOWN: &str = "exercise 13.3 `work_until_shutdown` \
                        (lessons/lesson-13/src/exercises/work_until_shutdown.rs)";

/// The longest a check may take before a hung answer is judged.
const LIMIT: Duration = Duration::from_secs(3);

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

fn t(duration: Duration) -> String {
    format_duration(duration)
}

// ---------------------------------------------------------------------------------------------
// 13.1 fetch_all_fail_fast

/// What a run of `fetch_all_fail_fast` did: its answer, when it returned, and every fetch's span,
/// recorded until 5 s after it returned (so fetches left running are seen to their end).
struct FetchRun {
    result: Result<Vec<Page>, FetchError>,
    returned: Duration,
    spans: Vec<Span>,
}

/// `count` names out of alphabetical order: six letters, then numbers counting down.
fn link_names(count: usize) -> Vec<String> {
    let letters = ["page-q", "page-c", "page-x", "page-h", "page-m", "page-a"];
    (0..count)
        .map(|i| match letters.get(i) {
            Some(name) => (*name).to_owned(),
            None => format!("page-{}", 99 - i),
        })
        .collect()
}

/// Links named out of alphabetical order; `None` is a page, `Some(kind)` fails with `kind`.
fn fetch_run(links: &[(u64, Option<ErrorKind>)]) -> FetchRun {
    fetch_run_named(links, link_names(links.len()))
}

/// [`fetch_run`] with the links' names given.
fn fetch_run_named(links: &[(u64, Option<ErrorKind>)], names: Vec<String>) -> FetchRun {
    let links = links.to_vec();
    blocking::run(FETCH_ALL, LIMIT, Clock::Paused, move || async move {
        let recorder = Recorder::new();
        let links: Vec<Link> = links
            .iter()
            .zip(names)
            .map(|(&(millis, error), name)| match error {
                None => Link::ok(name, ms(millis), &recorder),
                Some(kind) => Link::failing(name, ms(millis), kind, &recorder),
            })
            .collect();
        let started = Instant::now();
        let result = fetch_all_fail_fast(links).await;
        let returned = started.elapsed();
        sleep(Duration::from_secs(5)).await; // anything left running finishes meanwhile
        FetchRun {
            result,
            returned,
            spans: recorder.spans_labelled(FETCH),
        }
    })
}

#[test]
fn exercise_13_1_every_page_fetched_at_once_in_order() {
    let run = fetch_run(&[
        (400, None),
        (900, None),
        (300, None),
        (700, None),
        (600, None),
    ]);
    let got: Vec<String> = match &run.result {
        Ok(pages) => pages.iter().map(|p| p.address.clone()).collect(),
        Err(error) => {
            panic!("\n{FETCH_ALL}: every page was there, but it returned Err({error}).\n")
        }
    };
    let want = ["page-q", "page-c", "page-x", "page-h", "page-m"];
    assert_eq!(
        got, want,
        "\n{FETCH_ALL}: the pages must come back in the order of the links: tag each task's \
         result with its index and put it in its slot (`join_next` hands them back in the \
         order they finish).\n"
    );
    expect_at_once(
        FETCH_ALL,
        &run.spans,
        5,
        "Start every fetch before waiting for any: spawn them all on a JoinSet, then take the \
         results with `join_next`. Awaiting each fetch in turn runs them one after another.",
    );
}

#[test]
fn exercise_13_1_a_link_twice_is_two_pages_and_a_slow_page_is_a_page() {
    // The same link twice: a page for each place (results put back by index, not by address).
    let names = ["page-q", "page-c", "page-q"].map(str::to_owned).to_vec();
    let run = fetch_run_named(&[(300, None), (100, None), (200, None)], names);
    let got: Vec<String> = match &run.result {
        Ok(pages) => pages.iter().map(|p| p.address.clone()).collect(),
        Err(error) => panic!(
            "\n{FETCH_ALL}: the links [page-q, page-c, page-q] all answer, but it returned \
             Err({error}).\n"
        ),
    };
    assert_eq!(
        got,
        ["page-q", "page-c", "page-q"],
        "\n{FETCH_ALL}: a page for each link, in the order of the links, a link given twice \
         too: put each result in its link's *index* (a `Vec` of slots), not in a map by \
         address, where the second page of an address replaces the first.\n"
    );
    // An hour-long page (free on the paused clock): no timeout of your own cuts it off.
    let run = fetch_run(&[(3_600_000, None), (100, None)]);
    assert!(
        run.result.as_ref().is_ok_and(|pages| pages.len() == 2),
        "\n{FETCH_ALL}: a page that takes an hour and one of 100 ms, both answering: it should \
         return both pages, but returned {:?}. A fetch has no timeout but its own (the next \
         exercise gives attempts one): add none here, and let no error pass unreported.\n",
        run.result.as_ref().map(|pages| pages.len()),
    );
}

#[test]
fn exercise_13_1_many_links_all_at_once_not_in_batches() {
    // More links than the other checks use: a pool or batches of a fixed size that happened to
    // cover five links does not cover thirty.
    let links: Vec<(u64, Option<ErrorKind>)> =
        (0..30).map(|i| (100 + (i * 37) % 500, None)).collect();
    let run = fetch_run(&links);
    let want = link_names(links.len());
    let got: Option<Vec<String>> = run
        .result
        .as_ref()
        .ok()
        .map(|pages| pages.iter().map(|p| p.address.clone()).collect());
    assert!(
        got.as_ref() == Some(&want),
        "\n{FETCH_ALL}: 30 links, all of them pages: expected the 30 pages in the order of the \
         links, got {:?}.\n",
        run.result.as_ref().map(Vec::len),
    );
    expect_at_once(
        FETCH_ALL,
        &run.spans,
        links.len(),
        "Every link at once means every link, however many: no batches (`chunks(n)`) and no \
         fixed limit (`buffer_unordered(n)`) that only happened to cover the shorter lists. \
         Spawn a task per link on the JoinSet.",
    );
}

#[test]
fn exercise_13_1_no_links_no_pages() {
    let run = fetch_run(&[]);
    assert_eq!(
        run.result,
        Ok(Vec::new()),
        "\n{FETCH_ALL}: no links, no pages.\n"
    );
}

/// The error must be `failing`'s, returned at `error_at`, and nothing may run on after it.
#[track_caller]
fn expect_fail_fast(run: &FetchRun, failing: &str, kind: ErrorKind, error_at: Duration) {
    let timeline = draw(&run.spans, 72);
    match &run.result {
        Ok(_) => panic!(
            "\n{FETCH_ALL}: {failing} failed ({kind:?}), but fetch_all_fail_fast returned Ok. Return the \
             first error: `result?` on each task's result.\n"
        ),
        Err(error) if error.address != failing => panic!(
            "\n{FETCH_ALL}: returned the error of {} ({:?}), but the first to fail was \
             {failing} ({kind:?}, at {}):\n\n{timeline}\nReturn the first error to *happen*, \
             not the first in the list: take results as they finish (`join_next`), not in the \
             order of the links.\n",
            error.address,
            error.kind,
            t(error_at),
        ),
        Err(_) => {}
    }
    expect_at_once(
        FETCH_ALL,
        &run.spans,
        run.spans.len(),
        "Start every fetch before waiting for any: spawn them all on a JoinSet. A `for` loop \
         that awaits each fetch (`fetch(&link).await?`) runs them one after another.",
    );
    assert!(
        run.returned <= error_at,
        "\n{FETCH_ALL}: {failing} failed at {}, but fetch_all_fail_fast returned its error only at {}: \
         it waited for the other fetches to finish. Fail fast: return the error as soon as \
         `join_next` hands it to you, and the fetches still running are stopped when the \
         JoinSet is dropped.\n\n{timeline}",
        t(error_at),
        t(run.returned),
    );
    let ran_on: Vec<&Span> = run.spans.iter().filter(|s| s.end > error_at).collect();
    if let Some(last) = ran_on.iter().max_by_key(|s| s.end) {
        panic!(
            "\n{FETCH_ALL}: fetch_all_fail_fast returned the error at {}, but {} other fetch(es) were left \
             running after it, {} until {}:\n\n{timeline}\nA spawned task whose `JoinHandle` is \
             dropped is not stopped: it runs on, detached, and nobody will read its result. \
             Keep the tasks in a `JoinSet` (dropping it aborts them all), or abort them \
             yourself, before you return the error.\n",
            t(run.returned),
            ran_on.len(),
            last.task,
            t(last.end),
        );
    }
}

#[test]
fn exercise_13_1_the_first_error_stops_every_other_fetch() {
    let notfound = Some(ErrorKind::NotFound);
    let run = fetch_run(&[
        (400, None),
        (900, None),
        (300, notfound),
        (700, None),
        (600, None),
    ]);
    expect_fail_fast(&run, "page-x", ErrorKind::NotFound, ms(300));
}

#[test]
fn exercise_13_1_the_error_returned_is_the_first_to_happen() {
    // page-q fails at 500 ms, page-x at 200 ms: page-x's error happened first.
    let (notfound, busy) = (Some(ErrorKind::NotFound), Some(ErrorKind::Unavailable));
    let run = fetch_run(&[(500, notfound), (800, None), (200, busy), (600, None)]);
    expect_fail_fast(&run, "page-x", ErrorKind::Unavailable, ms(200));
}

// ---------------------------------------------------------------------------------------------
// 13.2 fetch_with_retries

/// What a run of `fetch_with_retries` did: its answer, when it returned, and every attempt's
/// span (start, end), in order.
struct RetryRun {
    result: Result<Page, FetchError>,
    returned: Duration,
    attempts: Vec<(Duration, Duration)>,
    timeline: String,
}

fn policy(timeout: u64, retries: u32, backoff: u64, deadline: u64) -> RetryPolicy {
    RetryPolicy {
        timeout: ms(timeout),
        retries,
        backoff: ms(backoff),
        deadline: ms(deadline),
    }
}

fn retry_run(script: &[(u64, Answer)], policy: RetryPolicy) -> RetryRun {
    let script = script.to_vec();
    blocking::run(RETRIES, LIMIT, Clock::Paused, move || async move {
        let recorder = Recorder::new();
        let server = Flaky::new("page-q", &script, &recorder);
        let started = Instant::now();
        let result = fetch_with_retries(&server, policy).await;
        let returned = started.elapsed();
        sleep(Duration::from_secs(7200)).await; // an attempt left running ends meanwhile
        let spans = recorder.spans_labelled(ATTEMPT);
        RetryRun {
            result,
            returned,
            attempts: spans.iter().map(|s| (s.start, s.end)).collect(),
            timeline: draw(&spans, 72),
        }
    })
}

/// The attempts must have started at exactly `starts`: says what went wrong with the waits.
#[track_caller]
fn expect_attempts_at(run: &RetryRun, policy: RetryPolicy, starts: &[u64]) {
    let want: Vec<Duration> = starts.iter().map(|&s| ms(s)).collect();
    let got: Vec<Duration> = run.attempts.iter().map(|a| a.0).collect();
    if got == want {
        return;
    }
    let shown = |times: &[Duration]| times.iter().map(|&d| t(d)).collect::<Vec<_>>().join(", ");
    let mut why = format!(
        "{} attempts with retries = {}: expected {} (the first attempt and its retries, or \
         fewer if one succeeds or fails for good)",
        got.len(),
        policy.retries,
        want.len(),
    );
    // The waits between one attempt's end and the next one's start.
    let waits: Vec<Duration> = run
        .attempts
        .windows(2)
        .map(|pair| pair[1].0.saturating_sub(pair[0].1))
        .collect();
    if got.len() == want.len() || got.len() > 1 {
        if waits.iter().any(Duration::is_zero) {
            why = "a retry started the moment the attempt before it failed, without waiting: \
                   back off first (`tokio::time::sleep(wait).await`), so a busy server gets room \
                   to recover"
                .to_owned();
        } else if waits.len() >= 2 && waits.windows(2).all(|w| w[0] == w[1]) {
            why = format!(
                "every wait was {}: each wait should double the one before ({}, then {}, ...)",
                t(waits[0]),
                t(policy.backoff),
                t(policy.backoff * 2),
            );
        } else if got.len() == want.len() {
            why = format!(
                "waits of {} between attempts; expected {}, doubling from `policy.backoff`",
                shown(&waits),
                t(policy.backoff),
            );
        }
    }
    panic!(
        "\n{RETRIES}: the attempts started at {}; expected at {}: {why}.\n\n{}",
        shown(&got),
        shown(&want),
        run.timeline,
    );
}

/// No attempt may run longer than the policy's timeout.
#[track_caller]
fn expect_each_attempt_timed_out(run: &RetryRun, policy: RetryPolicy) {
    for (number, &(start, end)) in run.attempts.iter().enumerate() {
        assert!(
            end - start <= policy.timeout,
            "\n{RETRIES}: attempt {} ran for {}, past the timeout of {} (the server never \
             answered it). Each attempt needs its own timeout: `tokio::time::timeout(policy.\
             timeout, attempt(server)).await`, and `Err(Elapsed)` counts as `ErrorKind::\
             TimedOut`, a transient error to retry. A timeout around the whole loop only \
             stops everything at once.\n\n{}",
            number + 1,
            t(end - start),
            t(policy.timeout),
            run.timeline,
        );
    }
}

#[test]
fn exercise_13_2_retries_with_a_doubling_backoff_and_a_timeout_per_attempt() {
    // Attempt 1: 503 at 100 ms; wait 300 ms; attempt 2 at 400 ms: silent, cut at 900 ms by its
    // 500 ms timeout; wait 600 ms; attempt 3 at 1.5 s: the page, at 1.7 s.
    let policy = policy(500, 3, 300, 10_000);
    let busy = Answer::Fail(ErrorKind::Unavailable);
    let run = retry_run(
        &[(100, busy), (0, Answer::Silent), (200, Answer::Page)],
        policy,
    );
    expect_each_attempt_timed_out(&run, policy);
    expect_attempts_at(&run, policy, &[0, 400, 1500]);
    assert!(
        matches!(&run.result, Ok(page) if page.address == "page-q"),
        "\n{RETRIES}: the third attempt brought the page, but fetch_with_retries returned \
         {:?}.\n",
        run.result
    );
    assert_eq!(
        run.returned,
        ms(1700),
        "\n{RETRIES}: return the page as soon as it arrives.\n"
    );
}

#[test]
fn exercise_13_2_the_backoff_keeps_doubling() {
    // Backoff 2 s, three retries, each attempt failing after 100 ms: waits of 2, 4 and 8 s, so
    // the attempts start at 0, 2.1, 6.2 and 14.3 s. A cap of the answer's own (tenacity's
    // `wait_exponential(max=...)`) below 8 s starts the last one early.
    let policy = policy(500, 3, 2000, 100_000);
    let busy = Answer::Fail(ErrorKind::Unavailable);
    let run = retry_run(&[(100, busy); 4], policy);
    expect_attempts_at(&run, policy, &[0, 2100, 6200, 14300]);
}

#[test]
fn exercise_13_2_a_permanent_error_is_not_retried() {
    let policy = policy(500, 3, 300, 10_000);
    let missing = Answer::Fail(ErrorKind::NotFound);
    let run = retry_run(&[(100, missing), (100, Answer::Page)], policy);
    assert_eq!(
        run.attempts.len(),
        1,
        "\n{RETRIES}: the first attempt said 404 (NotFound), a permanent error, yet {} \
         attempts were made. Retry only what may succeed later: `error.kind.is_transient()` \
         (503, a timeout); return a permanent error at once.\n\n{}",
        run.attempts.len(),
        run.timeline,
    );
    assert_eq!(
        run.result,
        Err(FetchError::new("page-q", ErrorKind::NotFound)),
        "\n{RETRIES}: return the 404 itself.\n"
    );
    assert_eq!(
        run.returned,
        ms(100),
        "\n{RETRIES}: return the 404 at once.\n"
    );
}

#[test]
fn exercise_13_2_gives_up_after_the_given_number_of_retries() {
    let busy = Answer::Fail(ErrorKind::Unavailable);
    // retries, backoff: the attempts' starts (each fails after 100 ms; waits double).
    let cases: [(u32, u64, &[u64]); 3] = [
        (2, 300, &[0, 400, 1100]),
        (0, 300, &[0]),
        (4, 50, &[0, 150, 350, 650, 1150]),
    ];
    for (retries, backoff, starts) in cases {
        let policy = policy(500, retries, backoff, 60_000);
        let run = retry_run(&[(100, busy)], policy);
        expect_attempts_at(&run, policy, starts);
        let last_end = ms(starts[starts.len() - 1] + 100);
        assert_eq!(
            (&run.result, run.returned),
            (
                &Err(FetchError::new("page-q", ErrorKind::Unavailable)),
                last_end
            ),
            "\n{RETRIES}: after the last retry failed, return its error at once.\n"
        );
    }
}

#[test]
fn exercise_13_2_gives_up_with_the_last_attempts_error_a_timeout_as_timed_out() {
    // Attempt 1: 503 at 100 ms; wait 300 ms; attempt 2 at 400 ms: silent, cut at 900 ms by its
    // timeout. No retry is left: the answer is attempt 2's error, a timeout.
    let policy = policy(500, 1, 300, 60_000);
    let busy = Answer::Fail(ErrorKind::Unavailable);
    let run = retry_run(&[(100, busy), (0, Answer::Silent)], policy);
    expect_each_attempt_timed_out(&run, policy);
    expect_attempts_at(&run, policy, &[0, 400]);
    assert!(
        run.result == Err(FetchError::new("page-q", ErrorKind::TimedOut))
            && run.returned == ms(900),
        "\n{RETRIES}: the first attempt said 503, the retry got no answer within its timeout \
         (500 ms), and no retry was left; fetch_with_retries returned {:?} at {}, expected \
         Err(TimedOut) at 900 ms. Give up with the *last* attempt's error, and say what \
         happened: a timeout's `Err(Elapsed)` is `ErrorKind::TimedOut`, not a 503.\n\n{}",
        run.result,
        t(run.returned),
        run.timeline,
    );
}

#[test]
fn exercise_13_2_the_deadline_ends_everything_attempts_and_waits() {
    let busy = Answer::Fail(ErrorKind::Unavailable);
    // (script, deadline, attempts' starts, when the deadline cuts in): during the wait before
    // attempt 3, and during attempt 2 itself.
    type Script<'a> = &'a [(u64, Answer)];
    let cases: [(Script, u64, &[u64]); 2] = [
        (&[(100, busy)], 1000, &[0, 400]),
        (&[(100, busy), (0, Answer::Silent)], 700, &[0, 400]),
    ];
    for (script, deadline, starts) in cases {
        let policy = policy(500, 5, 300, deadline);
        let run = retry_run(script, policy);
        let deadline = ms(deadline);
        assert!(
            run.returned == deadline
                && run.result == Err(FetchError::new("page-q", ErrorKind::DeadlineExceeded)),
            "\n{RETRIES}: with a deadline of {}, fetch_with_retries returned {:?} at {}; \
             expected Err(DeadlineExceeded) at {}. The deadline covers the whole call, attempts \
             and waits: put `tokio::time::timeout(policy.deadline, ..)` around the whole loop \
             (and keep the per-attempt timeout inside). If you count the time left yourself, \
             read it from `tokio::time::Instant`: these checks run on tokio's clock, paused, \
             which `std::time::Instant` does not see.\n\n{}",
            t(deadline),
            run.result,
            t(run.returned),
            t(deadline),
            run.timeline,
        );
        expect_attempts_at(&run, policy, starts);
        let last_end = run.attempts.last().map(|a| a.1).unwrap_or_default();
        assert!(
            last_end <= deadline,
            "\n{RETRIES}: an attempt ran on until {}, after the deadline ({}): the attempt in \
             flight must be dropped when the deadline passes.\n\n{}",
            t(last_end),
            t(deadline),
            run.timeline,
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 13.3 work_until_shutdown

/// What a run of `work_until_shutdown` did.
struct ShutdownRun {
    /// The report, or `None` if it had not returned a minute after the shutdown and the
    /// longest job.
    report: Option<Report>,
    returned: Duration,
    started: Vec<u32>,
    finished: Vec<u32>,
    spans: Vec<Span>,
    workers: usize,
    /// How many times the workers called `queue.next()`.
    asked: usize,
}

/// Sends jobs of `millis` at time 0, cancels the token at `shutdown_at`, and runs
/// `work_until_shutdown` with `workers`. `keep_open`: the queue stays open (the sender is
/// held) after the jobs are sent, so idle workers wait for more.
fn shutdown_run(millis: &[u64], workers: usize, shutdown_at: u64, keep_open: bool) -> ShutdownRun {
    let millis = millis.to_vec();
    blocking::run(SHUTDOWN, LIMIT, Clock::Paused, move || async move {
        let recorder = Recorder::new();
        let ledger = Ledger::new(&recorder);
        let (sender, receiver) = tokio::sync::mpsc::channel(millis.len().max(1));
        for (id, &millis) in (0..).zip(&millis) {
            let _ = sender.send(ledger.job(id, ms(millis))).await;
        }
        let kept = keep_open.then_some(sender); // otherwise dropped here: the queue closes
        let shutdown = CancellationToken::new();
        let trigger = shutdown.clone();
        tokio::spawn(async move {
            sleep(ms(shutdown_at)).await;
            trigger.cancel();
        });
        let started = Instant::now();
        let queue = JobQueue::new(receiver);
        let counter = queue.clone();
        let work = work_until_shutdown(queue, workers, shutdown);
        let longest = ms(millis.iter().copied().max().unwrap_or(0));
        let patience = ms(shutdown_at) + longest + Duration::from_secs(60);
        let report = tokio::time::timeout(patience, work).await.ok();
        let returned = started.elapsed();
        sleep(longest + Duration::from_secs(60)).await; // a job left running ends meanwhile
        drop(kept);
        ShutdownRun {
            report,
            returned,
            started: ledger.started(),
            finished: ledger.finished(),
            spans: recorder.spans_labelled(JOB),
            workers,
            asked: counter.asked(),
        }
    })
}

/// Every job is finished once and reported done, or never started and reported so; none
/// started after the shutdown; none cut off half way.
#[track_caller]
fn expect_graceful(run: &ShutdownRun, jobs: u32, shutdown_at: Duration) {
    let timeline = draw(&run.spans, 72);
    let Some(report) = &run.report else {
        panic!(
            "\n{SHUTDOWN}: still running a minute after the shutdown at {}: a worker waiting for \
             a job never saw the token (the queue stays open, so `queue.next().await` alone \
             waits for ever). Wait for a job *or* the shutdown: `tokio::select! {{ biased; () = \
             shutdown.cancelled() => break, job = queue.next() => ... }}`. Checking \
             `is_cancelled()` before waiting is not enough: the token may be cancelled while \
             you wait.\n\n{timeline}",
            t(shutdown_at),
        );
    };
    let span_of = |id: u32| run.spans.iter().find(|s| s.task == format!("job {id}"));
    if let Some(late) = run.spans.iter().find(|s| s.start > shutdown_at) {
        panic!(
            "\n{SHUTDOWN}: {} started at {}, after the shutdown at {}: once the token is \
             cancelled, a worker takes no new job. Check the token each time before you take \
             one (with `biased;` first in a `select!`, the token wins when both are \
             ready).\n\n{timeline}",
            late.task,
            t(late.start),
            t(shutdown_at),
        );
    }
    if let Some(last) = run
        .spans
        .iter()
        .filter(|s| s.end > run.returned)
        .max_by_key(|s| s.end)
    {
        panic!(
            "\n{SHUTDOWN}: work_until_shutdown returned at {}, but {} ran on until {}: the \
             workers were still busy when the report was made. Wait for every worker to stop \
             (join them all: `while let Some(worker) = crew.join_next().await`), then \
             report.\n\n{timeline}",
            t(run.returned),
            last.task,
            t(last.end),
        );
    }
    for &id in &run.started {
        if !run.finished.contains(&id) {
            let cut = span_of(id).map_or(Duration::ZERO, |s| s.end);
            let said = if report.done.contains(&id) {
                "yet the report says it is done (reported done before it was)"
            } else {
                "so it is lost"
            };
            panic!(
                "\n{SHUTDOWN}: job {id} was cut off at {}, half done, {said}. A worker busy \
                 with a job finishes it: do the job outside the `select!` (racing it against \
                 `shutdown.cancelled()` drops it half way), and do not abort the workers; \
                 wait for them to stop. Note a job done only when `do_job` has \
                 returned.\n\n{timeline}",
                t(cut),
            );
        }
    }
    for id in 0..jobs {
        let times = |list: &[u32]| list.iter().filter(|&&j| j == id).count();
        let (done, not_started) = (times(&report.done), times(&report.not_started));
        let finished = times(&run.finished);
        let problem = match (done, not_started, finished) {
            (1, 0, 1) | (0, 1, 0) => continue,
            (0, 0, _) => {
                "is in neither list of the report: lost. Jobs still in the queue \
                          when the workers stop go in `not_started` (`queue.drain().await`)"
            }
            (_, _, 2..) => "was done twice",
            (0, _, 1) => "was done, but the report says not started",
            (_, _, 0) => "is reported done, but it never ran",
            _ => "is reported more than once",
        };
        panic!(
            "\n{SHUTDOWN}: job {id} {problem}. Report every job exactly once: done (finished) \
             or not started. Report: {report:?}; finished: {:?}.\n\n{timeline}",
            run.finished,
        );
    }
    // Each job taken is one call of `next()`, and each worker's last wait one more (the one
    // that got `None` or lost to the token): a worker that polls the queue with a timeout
    // (Python's `queue.get(timeout=0.1)` in a `while not stop.is_set()` loop) calls it again
    // and again while it is idle.
    let enough = run.started.len() + run.workers;
    assert!(
        run.asked <= enough,
        "\n{SHUTDOWN}: the workers called `queue.next()` {} times, for {} jobs and {} workers \
         (at most {enough} needed: one per job, one last wait each). An idle worker that waits \
         with a timeout and then checks the token wakes up over and over, and hears the \
         shutdown only at its next wake-up. Wait for a job *or* the shutdown, whichever comes \
         first: `tokio::select! {{ biased; () = shutdown.cancelled() => break, job = \
         queue.next() => ... }}`.\n\n{timeline}",
        run.asked,
        run.started.len(),
        run.workers,
    );
}

#[test]
fn exercise_13_3_workers_finish_the_job_in_hand_and_report_the_rest_not_started() {
    // Two workers: jobs 0 (300 ms) and 1 (500 ms) start at 0; job 2 (400 ms) at 300 ms,
    // job 3 (200 ms) at 500 ms; the shutdown at 550 ms finds both busy: they finish at 700 ms.
    // Three workers: jobs 0, 1, 2 at 0; job 3 at 300 ms; job 4 (600 ms) at 400 ms; jobs 5
    // (100 ms) and 6 (300 ms) at 500 ms. At the shutdown, three jobs are in hand; the last
    // ends at 1 s. Job 7 is never started.
    // Each worker that finishes after the shutdown finds the token cancelled *and* a job ready:
    // five such moments a round. An unbiased `select!` picks between ready branches at random
    // (it wins each moment half the time), so the rounds are repeated: three rounds, fifteen
    // moments, and an answer that may start a job after the shutdown is all but sure to.
    let millis = [300, 500, 400, 200, 600, 100, 300, 800];
    // When the jobs start: each the moment a worker is free (two workers: 0, 0, 300, 500).
    let two: &[u64] = &[0, 0, 300, 500];
    let three: &[u64] = &[0, 0, 0, 300, 400, 500, 500];
    let rounds = [(2, 4, 700, two), (3, 7, 1000, three)].repeat(3);
    for (workers, done, returned, starts) in rounds {
        let run = shutdown_run(&millis, workers, 550, false);
        expect_graceful(&run, millis.len() as u32, ms(550));
        let most = max_concurrent(&run.spans);
        assert_eq!(
            most,
            workers,
            "\n{SHUTDOWN}: {workers} workers, but at most {most} jobs ran at once: start \
             `workers` tasks, each taking jobs from the shared queue.\n\n{}",
            draw(&run.spans, 72),
        );
        let mut got: Vec<Duration> = run.spans.iter().map(|s| s.start).collect();
        got.sort();
        let want: Vec<Duration> = starts.iter().map(|&s| ms(s)).collect();
        let shown = |times: &[Duration]| times.iter().map(|&d| t(d)).collect::<Vec<_>>();
        assert!(
            got == want,
            "\n{SHUTDOWN}: with {workers} workers the jobs started at {:?}; expected at {:?}, \
             each the moment a worker was free. A worker takes its next job as soon as it has \
             finished one: taking `workers` jobs at a time and waiting for the whole batch \
             leaves the quick ones' workers idle.\n\n{}",
            shown(&got),
            shown(&want),
            draw(&run.spans, 72),
        );
        let report = run.report.as_ref().map(|r| r.done.len());
        assert_eq!(
            (report, run.returned),
            (Some(done), ms(returned)),
            "\n{SHUTDOWN}: with {workers} workers and the shutdown at 550 ms, {done} jobs \
             should be done and the call should return at {returned} ms, when the last job in \
             hand is finished.\n\n{}",
            draw(&run.spans, 72),
        );
    }
}

#[test]
fn exercise_13_3_idle_workers_stop_at_the_shutdown() {
    // Three workers, two short jobs, and a queue that stays open: at the shutdown (1.003 s, an
    // odd moment, so that a worker waking every 10 or 100 ms to look at the token does not
    // land on it by luck of the paused clock) every worker is waiting for a job that will
    // never come.
    let run = shutdown_run(&[200, 300], 3, 1003, true);
    expect_graceful(&run, 2, ms(1003));
    assert_eq!(
        run.returned,
        ms(1003),
        "\n{SHUTDOWN}: the workers were idle at the shutdown ({}), so the call should return \
         at once, at {}; it returned at {}. A worker that waits with a timeout and looks at \
         the token when it wakes hears the shutdown late: wait for a job *or* the shutdown \
         (`tokio::select!` with `shutdown.cancelled()`).\n",
        t(ms(1003)),
        t(ms(1003)),
        t(run.returned),
    );
}

#[test]
fn exercise_13_3_a_closed_queue_ends_the_work_and_a_long_job_is_waited_for() {
    // Two workers, three jobs, the queue closed and the shutdown a minute away: the work is
    // over when the queue is empty and closed, at 300 ms (jobs 0 and 1 at 0, job 2 at 200 ms).
    let run = shutdown_run(&[200, 300, 100], 2, 60_000, false);
    expect_graceful(&run, 3, ms(60_000));
    assert_eq!(
        run.returned,
        ms(300),
        "\n{SHUTDOWN}: the queue was closed, and empty once the last job was taken; the last \
         job ended at {}, so the call should return then, but it returned at {}. When \
         `queue.next()` gives `None` there is nothing left to do: the worker stops, without \
         waiting for the shutdown.\n\n{}",
        t(ms(300)),
        t(run.returned),
        draw(&run.spans, 72),
    );
    // One worker, a job of an hour in hand at the shutdown (free on the paused clock): it is
    // finished, however long it takes, and the call returns at its end.
    let run = shutdown_run(&[3_600_000], 1, 100, false);
    expect_graceful(&run, 1, ms(100));
    assert_eq!(
        run.returned,
        ms(3_600_000),
        "\n{SHUTDOWN}: the job in hand at the shutdown took an hour; the call should return \
         when it is finished, at {}, but returned at {}. Wait for the workers with no \
         timeout of your own: a graceful shutdown lets the job in hand end.\n",
        t(ms(3_600_000)),
        t(run.returned),
    );
}
