//! Checks for lesson 11's exercises: `cargo test -p lesson-11`.
//!
//! They grade *how* the pipeline runs, from what the lesson's [`Flow`] counted (in the order
//! things happened, no clock involved) and from the recorded spans: the reports in the order
//! of the urls; an analysis started before the last download finished; never more pages
//! waiting between the stages than the channel holds; the analyses off the runtime's thread,
//! no more at once than rayon's pool has threads and no fewer (the checks size the pool, one
//! thread more than the cores, so a number of the answer's own is seen); for 11.2, a heartbeat
//! task on the runtime that keeps beating *while* the analyses run (it cannot, on one thread,
//! if they run there); and for both, no busy waiting: while nothing can be ready (downloads
//! or analyses under way, on the real clock), no thread may be runnable for half the time or
//! woken more than a few times (the kernel's counts, `instruments::busy`: the same whatever
//! the machine's load), and, for 11.2, how often the answer's future was polled (about once a
//! report).
//!
//! Every check runs on a one-thread tokio runtime (asyncio's kind), on the real clock (tokio's
//! paused clock does not move while a `spawn_blocking` task runs, so an answer whose blocking
//! thread waits for the downloads would wait forever), inside `instruments::check::within`,
//! which gives a hung answer its verdict in seconds. Nothing is judged by how long it took:
//! where a check needs a moment to happen (an analysis while the last download is in flight,
//! a heartbeat during an analysis), the simulated download or analysis waits for it, with
//! patience: a right answer meets it at once, a wrong one never does, however busy the
//! machine.

use std::future::Future;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use instruments::busy::{Recording, Threads, Watch, quiet_window};
use instruments::check::within;
use instruments::summary::max_concurrent;
use instruments::timeline::draw;
use instruments::{Recorder, Span, cores};
use lesson_11::exercises::{analyse_all, stream_pages};
use lesson_11::{ANALYSE, Analyser, DOWNLOAD, Fetch, Figures, Flow, Heartbeat, Page, Report, Url};

const STREAM: &str =
    "exercise 11.1 `stream_pages` (lessons/lesson-11/src/exercises/stream_pages.rs)";
const ANALYSE_ALL: &str =
    "exercise 11.2 `analyse_all` (lessons/lesson-11/src/exercises/analyse_all.rs)";

/// The longest a check may take before a hung answer is judged.
const LIMIT: Duration = Duration::from_secs(5);

/// How long a simulated download or analysis waits for the moment a check needs, at most.
const PATIENCE: Duration = Duration::from_millis(1500);

/// The checks take turns: an answer's analyses run on rayon's global pool, which every check
/// in this process shares, and a pipeline may keep a worker waiting at its channel (as
/// `par_bridge` over `blocking_recv` does), so one check's pipeline would slow another's.
fn one_check_at_a_time() -> MutexGuard<'static, ()> {
    static TURN: Mutex<()> = Mutex::new(());
    let turn = TURN.lock().unwrap_or_else(PoisonError::into_inner);
    threads(); // rayon's pool gets the checks' size before any answer uses it
    turn
}

/// The size of rayon's global pool in these checks: one thread more than the machine has cores
/// (at least 3), set before any check runs, as `RAYON_NUM_THREADS` would. A right answer takes
/// its number of analyses at once from the pool (`par_bridge`, `rayon::spawn`, or
/// `rayon::current_num_threads()`), so it runs this many; an answer with a number of its own
/// (a pool of 2, "my laptop has two cores") is caught on any machine, a 2-core one included.
/// The analyses of the checks that count them are sleeps: more threads than cores costs nothing.
fn threads() -> usize {
    static THREADS: OnceLock<usize> = OnceLock::new();
    *THREADS.get_or_init(|| {
        let wanted = (cores() + 1).max(3);
        // Fails only if the pool was built already (then its size is what it is).
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(wanted)
            .build_global();
        rayon::current_num_threads()
    })
}

/// Watches every thread of the process (the checks take turns, so the threads are this
/// check's, rayon's pool and the test harness's, which waits) while `run` runs, and returns
/// what it returned with what the watch saw (`None` where the kernel's counts cannot be read).
fn watched<T>(run: impl FnOnce() -> T) -> (T, Option<Recording>) {
    let watch = Watch::start(Threads::all(), LIMIT);
    let output = run();
    (output, watch.map(Watch::stop))
}

/// The moments a check's quiet window is made of, noted as they happen.
#[derive(Clone, Default)]
struct Moments(Arc<Mutex<Vec<(Instant, Instant)>>>);

impl Moments {
    fn note(&self, started: Instant) {
        let mut moments = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        moments.push((started, Instant::now()));
    }

    /// The stretch in which all of them that overlap were under way (`busy::quiet_window`).
    fn overlap(&self) -> Option<(Instant, Instant)> {
        let moments = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        quiet_window(moments.iter().copied(), Duration::from_millis(30))
    }
}

/// Fails naming `exercise` if a thread busy-waited in the quiet window `moments` make: more
/// than [`MOST_WAKEUPS`] wake-ups, or runnable half the time. `what` says what the window was.
#[track_caller]
fn expect_no_busy_wait(
    exercise: &str,
    recording: Option<Recording>,
    moments: &Moments,
    what: &str,
    advice: &str,
) {
    let Some(recording) = recording else {
        eprintln!("{exercise}: this system has no per-thread scheduler counts: not judged");
        return;
    };
    let Some((from, to)) = moments.overlap() else {
        return; // the other checks say why nothing overlapped
    };
    if let Some(busy) = recording.judge(from, to, MOST_WAKEUPS) {
        panic!("\n{exercise}: {what}, yet {busy}. {advice}\n");
    }
}

/// How many times a thread may be woken in a quiet window (about 540 ms for 11.1, 240 ms for
/// 11.2). A thread that waits is woken at most once in it (the reference answers: 0 or 1, a
/// timer of tokio's moving closer); one that sleeps 130 ms (11.1) or 60 ms (11.2) between
/// looks, 4 times.
const MOST_WAKEUPS: u64 = 3;

/// Addresses out of alphabetical order, so sorted reports are caught.
fn address(index: usize) -> String {
    const NAMES: &[u8] = b"qcxhmatkzbewr";
    let name = char::from(NAMES[index % NAMES.len()]);
    format!("page-{name}{}", index / NAMES.len())
}

#[track_caller]
fn expect_in_order(exercise: &str, urls: &[String], reports: &[Report]) {
    let got: Vec<&str> = reports.iter().map(|r| r.url.as_str()).collect();
    assert_eq!(
        got.len(),
        urls.len(),
        "\n{exercise}: {} urls, but {} reports came back: {got:?}. Every page must be \
         downloaded and analysed: close the channel (drop every sender) once the last page is \
         in, and wait for the last analysis.\n",
        urls.len(),
        got.len(),
    );
    assert_eq!(
        got, urls,
        "\n{exercise}: the reports must come back in the order of the urls ({urls:?}); got \
         {got:?}. Pages arrive, and analyses finish, in any order: send each page with its \
         index, and put each report in its slot (do not sort them by address).\n"
    );
    for report in reports {
        let words = "the contents of page-x0".split_whitespace().count();
        assert_eq!(
            report.words, words,
            "\n{exercise}: the report of {} counts {} words; its page has {words}. Return the \
             reports `analyser.analyse(page)` gives, unchanged.\n",
            report.url, report.words
        );
    }
}

/// The analyses' spans that ran on the check's runtime thread.
fn on_the_runtime<'a>(spans: &'a [Span], runtime: &str) -> Vec<&'a Span> {
    spans
        .iter()
        .filter(|s| s.label == ANALYSE && s.thread_name == runtime)
        .collect()
}

/// The name of the thread [`run`] runs the runtime on (`within` names it).
fn runtime_thread(exercise: &str) -> String {
    format!("check {exercise}")
}

/// Runs the future `make` builds on a fresh one-thread runtime, on a thread of its own, and
/// returns its output; a hung answer is judged after [`LIMIT`]. Tasks left behind by a wrong
/// answer are abandoned with the runtime, not waited for.
fn run<T, F>(exercise: &'static str, make: impl FnOnce() -> F + Send + 'static) -> T
where
    T: Send + 'static,
    F: Future<Output = T> + 'static,
{
    within(exercise, LIMIT, move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime starts");
        let output = runtime.block_on(make());
        runtime.shutdown_background();
        output
    })
}

#[test]
fn exercise_11_1_every_report_in_order_with_downloads_at_once_and_analyses_off_the_runtime() {
    // Latencies of 60, 5, 50, 15, 40 ... ms (real time: tokio's paused clock does not move
    // while a `spawn_blocking` task runs, so an answer whose blocking thread waits for the
    // downloads would wait forever): the pages arrive out of order as soon as two downloads
    // run at once.
    let _one_at_a_time = one_check_at_a_time();
    let millis: Vec<u64> = (0..8)
        .map(|i| if i % 2 == 0 { 60 - 5 * i } else { 5 * i })
        .collect();
    let (urls, reports, spans) = run(STREAM, move || async move {
        let recorder = Recorder::new();
        let flow = Flow::new(&recorder);
        let urls: Vec<Url> = millis
            .iter()
            .enumerate()
            .map(|(i, &ms)| Url::simulated(address(i), Duration::from_millis(ms), &flow))
            .collect();
        let addresses: Vec<String> = urls.iter().map(|u| u.address().to_owned()).collect();
        let reports = stream_pages(urls, 3, Analyser::new(1_000, &flow)).await;
        (addresses, reports, recorder.spans())
    });
    expect_in_order(STREAM, &urls, &reports);
    let downloads: Vec<Span> = spans
        .iter()
        .filter(|s| s.label == DOWNLOAD)
        .cloned()
        .collect();
    assert_eq!(
        downloads.len(),
        urls.len(),
        "\n{STREAM}: {} urls, {} downloads: download each url once, with \
         `url.download().await`.\n",
        urls.len(),
        downloads.len(),
    );
    let most = max_concurrent(&downloads);
    assert!(
        most >= 2,
        "\n{STREAM}: the downloads ran one at a time (capacity 3):\n\n{}\nDownloads wait for \
         the network, not the CPU: run several at once (a task each, or a stream with \
         `buffer_unordered`), each sending its page as soon as it arrives.\n",
        draw(&downloads, 72)
    );
    let runtime = runtime_thread(STREAM);
    let blocked = on_the_runtime(&spans, &runtime);
    assert!(
        blocked.is_empty(),
        "\n{STREAM}: {} of {} analyses ran on the runtime's thread ({runtime}). An analysis is \
         CPU work: while it runs there, no download on that thread makes progress. Run them on \
         rayon's pool or with `tokio::task::spawn_blocking`.\n",
        blocked.len(),
        reports.len(),
    );
}

#[test]
fn exercise_11_1_no_urls_no_reports() {
    let _one_at_a_time = one_check_at_a_time();
    let reports = run(STREAM, || async {
        let flow = Flow::new(&Recorder::new());
        stream_pages(Vec::new(), 2, Analyser::new(10, &flow)).await
    });
    assert!(reports.is_empty(), "\n{STREAM}: no urls, no reports.\n");
}

/// A url whose download finishes at once. With a `gate`, it finishes only once an analysis
/// runs during it (one running when it starts, or one starting after), or after [`PATIENCE`],
/// and notes in the gate whether one did: the last url is held back so that a streaming
/// pipeline can show, on any machine, that it analyses while a download is in flight.
fn gated_url(index: usize, gate: Option<Arc<AtomicBool>>, flow: &Flow) -> Url {
    let watched = flow.clone();
    let fetch: Fetch = Arc::new(move |address| {
        let (flow, gate) = (watched.clone(), gate.clone());
        Box::pin(async move {
            if let Some(gate) = gate {
                let (started, before) = (Instant::now(), flow.figures().analysed);
                let during = || flow.figures().running > 0 || flow.figures().analysed > before;
                while !during() && started.elapsed() < PATIENCE {
                    tokio::time::sleep(Duration::from_millis(1)).await;
                }
                gate.store(during(), Ordering::Relaxed);
            }
            format!("the contents of {address}")
        })
    });
    Url::new(address(index), fetch, flow)
}

/// Analyses that take `work` each (a sleep standing for CPU work).
fn slow(flow: &Flow, work: Duration) -> Analyser {
    Analyser::new(10, flow).with_hook(Arc::new(move |_: &Page| std::thread::sleep(work)))
}

#[test]
fn exercise_11_1_an_analysis_runs_while_the_last_download_is_in_flight() {
    let _one_at_a_time = one_check_at_a_time();
    let pages = 8;
    let gate = Arc::new(AtomicBool::new(false));
    let met = Arc::clone(&gate);
    let (urls, reports, figures) = run(STREAM, move || async move {
        let flow = Flow::new(&Recorder::new());
        let urls: Vec<Url> = (0..pages)
            .map(|i| gated_url(i, (i == pages - 1).then(|| Arc::clone(&met)), &flow))
            .collect();
        let addresses: Vec<String> = urls.iter().map(|u| u.address().to_owned()).collect();
        let reports = stream_pages(urls, 2, slow(&flow, Duration::from_millis(30))).await;
        (addresses, reports, flow.figures())
    });
    expect_in_order(STREAM, &urls, &reports);
    let first = figures.downloaded_at_first_analysis.unwrap_or(0);
    assert!(
        first < pages,
        "\n{STREAM}: no analysis started before the last download ended: the first began \
         after all {first} of {pages} downloads, as the tutorials' two stages do. The cores \
         sat idle while the network worked. Stream instead: put each page into the channel \
         as it arrives, and let the analyses take pages out of it while the other downloads \
         still run (collecting the downloads first is the two-stage design).\n"
    );
    assert!(
        gate.load(Ordering::Relaxed),
        "\n{STREAM}: no analysis ran while the last download was in flight (it waited {} for \
         one): the downloads and the analyses took turns, as batches do (download a few, \
         analyse them, download the next few). The cores sat idle during each batch's \
         downloads. Stream instead: the downloads keep filling the channel while the \
         analyses empty it, each side at its own pace.\n",
        format_args!("{:.1} s", PATIENCE.as_secs_f64()),
    );
}

/// Runs `stream_pages` over `pages` urls that download at once, with analyses that each take
/// `work` (a sleep standing for CPU work): far slower than the downloads, so a pipeline with no
/// bound lets pages pile up. What the flow counted, and the spans.
/// Each analysis, after its `work`, waits (within one shared deadline) until as many analyses
/// have run at once as rayon's pool has [`threads`]: a right answer gets there with its first
/// pages, so that no busy machine can make it look one at a time; one with fewer threads of its
/// own waits out the deadline.
fn slow_analyses(pages: usize, capacity: usize, work: Duration) -> (Figures, Vec<Span>) {
    let want = threads();
    run(STREAM, move || async move {
        let recorder = Recorder::new();
        let flow = Flow::new(&recorder);
        let urls = (0..pages).map(|i| gated_url(i, None, &flow)).collect();
        let (watched, deadline) = (flow.clone(), Instant::now() + PATIENCE);
        let analyser = Analyser::new(10, &flow).with_hook(Arc::new(move |_: &Page| {
            std::thread::sleep(work);
            while watched.figures().peak_running < want && Instant::now() < deadline {
                std::thread::sleep(Duration::from_micros(200));
            }
        }));
        let reports = stream_pages(urls, capacity, analyser).await;
        assert_eq!(
            reports.len(),
            pages,
            "\n{STREAM}: {pages} urls, {} reports.\n",
            reports.len()
        );
        (flow.figures(), recorder.spans_labelled(ANALYSE))
    })
}

#[test]
fn exercise_11_1_the_queue_never_holds_more_than_its_capacity() {
    let _one_at_a_time = one_check_at_a_time();
    // Capacities of 8 and 1: a constant of the answer's own is caught by one or the other (a
    // smaller one never fills the 8, a larger one overflows the 1).
    for capacity in [8, 1] {
        let pages = 20;
        let (figures, spans) = slow_analyses(pages, capacity, Duration::from_millis(10));
        let (cores, threads) = (cores(), threads());
        assert!(
            figures.peak_running <= threads,
            "\n{STREAM}: {} analyses ran at once, on a machine with {cores} cores (rayon's pool \
             has {threads} threads in this check):\n\n{}\nCPU work cannot go faster than the \
             cores: more analyses at once only hold more pages in memory. Let rayon's pool (one \
             thread a core) take pages from the channel, or limit `spawn_blocking` calls with a \
             semaphore of `rayon::current_num_threads()` permits.\n",
            figures.peak_running,
            draw(&spans, 72)
        );
        let how = match figures.peak_running {
            0 | 1 => String::from(
                "the analyses ran one at a time: one thread analysing leaves the other cores \
                 idle while pages wait",
            ),
            most => format!(
                "at most {most} analyses ran at once, but rayon's pool here has {threads} \
                 threads (the checks size it, as `RAYON_NUM_THREADS` does, one more than your \
                 {cores} cores): your number of analysis threads is a number of your own, \
                 right only on a machine it happens to fit"
            ),
        };
        assert!(
            figures.peak_running >= threads,
            "\n{STREAM}: {how}:\n\n{}\nLet rayon's global pool take the pages (`par_bridge` \
             over the channel, as the lesson's `streaming` does): it has one thread a core on \
             any machine. No `num_threads(2)` or pool of your own; if you need the number, it \
             is `rayon::current_num_threads()`.\n",
            draw(&spans, 72)
        );
        // The channel's pages, one page in the downloads' hands (being sent), one in each
        // analysis worker's (taken out, not yet analysed).
        let allowed = capacity + 1 + figures.peak_running;
        assert!(
            figures.peak_waiting <= allowed,
            "\n{STREAM}: {} pages were waiting at once (downloaded, not yet analysed), with a \
             channel of capacity {capacity}: at most {allowed} may wait (the channel's \
             {capacity}, one being sent, one in each of the {} analysis workers' hands). The \
             analyses here are slower than the downloads, so whatever does not wait for room \
             piles up: an unbounded channel, every download started at once with each task \
             waiting at `send` holding its page, or pages handed to a pool's queue (`rayon::spawn` \
             for each) faster than it analyses them. Use `mpsc::channel(capacity)`, and start a \
             download only when there is room for its page (`sender.reserve().await` first), or \
             download a few at a time in one task that sends each page before taking the next.\n",
            figures.peak_waiting,
            figures.peak_running,
        );
        assert!(
            figures.peak_waiting >= capacity,
            "\n{STREAM}: with a channel of capacity {capacity} and analyses slower than the \
             downloads, the channel should fill up, but at most {} pages ever waited. Make the \
             channel with the capacity you are given, `mpsc::channel(capacity)`, not a number \
             of your own.\n",
            figures.peak_waiting,
        );
    }
}

/// How long each analysis of 11.2's busy-wait check takes (a sleep): the time the task has
/// nothing to do but wait for the reports.
const IDLE: Duration = Duration::from_millis(300);

/// How long the downloads of 11.1's busy-wait check take: the time the analyses' side has
/// nothing to do but wait. Long enough that a loop sleeping 130 ms between looks is woken more
/// than [`MOST_WAKEUPS`] times.
const QUIET_DOWNLOAD: Duration = Duration::from_millis(600);

#[test]
fn exercise_11_1_the_analyses_wait_for_pages_without_spinning() {
    // Two downloads that take QUIET_DOWNLOAD each (on the real clock), a channel of 2, tiny
    // analyses: while both downloads are under way the channel is empty, and the analyses' side
    // has nothing to do but wait. The kernel says whether any thread was runnable, or woken.
    let _one_at_a_time = one_check_at_a_time();
    let downloads = Moments::default();
    let noted = downloads.clone();
    let ((urls, reports), recording) = watched(|| {
        run(STREAM, move || async move {
            let flow = Flow::new(&Recorder::new());
            let urls: Vec<Url> = (0..2).map(|i| timed_url(i, &noted, &flow)).collect();
            let addresses: Vec<String> = urls.iter().map(|u| u.address().to_owned()).collect();
            let reports = stream_pages(urls, 2, Analyser::new(10, &flow)).await;
            (addresses, reports)
        })
    });
    expect_in_order(STREAM, &urls, &reports);
    expect_no_busy_wait(
        STREAM,
        recording,
        &downloads,
        &format!(
            "while its two downloads took {} ms, the analyses had nothing to do",
            QUIET_DOWNLOAD.as_millis()
        ),
        "Something asks an empty channel again and again (a `try_recv` loop, with \
         `yield_now` or a short sleep between tries, is Python's `while True: \
         q.get_nowait()`), and keeps a thread busy doing nothing. Wait for a page with \
         `inbox.blocking_recv()` (off the runtime) or `inbox.recv().await` (on it): the thread \
         sleeps until a page comes or the channel closes.",
    );
}

/// A url whose download takes [`QUIET_DOWNLOAD`] (on the real clock), noted in `moments`.
fn timed_url(index: usize, moments: &Moments, flow: &Flow) -> Url {
    let moments = moments.clone();
    let fetch: Fetch = Arc::new(move |address| {
        let moments = moments.clone();
        Box::pin(async move {
            let started = Instant::now();
            tokio::time::sleep(QUIET_DOWNLOAD).await;
            moments.note(started);
            format!("the contents of {address}")
        })
    });
    Url::new(address(index), fetch, flow)
}

/// How long an analysis of 11.2 waits for two heartbeats, at most.
const BEAT_PATIENCE: Duration = Duration::from_millis(600);

/// Pages sent into a channel all at once, analysed by `analyse_all` while a heartbeat task
/// beats on the same (one-thread) runtime. Each analysis waits (within a shared budget) until
/// the heartbeat has beaten twice *during* it, and until two analyses have run at once: a
/// right answer gives both at once, a wrong one never.
struct Responsive {
    addresses: Vec<String>,
    reports: Vec<Report>,
    saw_beats: usize,
    figures: Figures,
    worst_late: Duration,
    spans: Vec<Span>,
}

fn responsive(pages: usize) -> Responsive {
    run(ANALYSE_ALL, move || async move {
        let recorder = Recorder::new();
        let flow = Flow::new(&recorder);
        let heartbeat = Arc::new(Heartbeat::start(&recorder, Duration::from_millis(1)));
        let saw = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let deadline = Instant::now() + Duration::from_millis(1000);
        let want_at_once = cores().min(2);
        let (beat, seen, watched) = (Arc::clone(&heartbeat), Arc::clone(&saw), flow.clone());
        let runtime = runtime_thread(ANALYSE_ALL);
        let addresses: Vec<String> = (0..pages).map(address).collect();
        let order = addresses.clone();
        let hook = Arc::new(move |page: &Page| {
            if std::thread::current().name() == Some(runtime.as_str()) {
                return; // no beat can come while this thread analyses: do not wait for one
            }
            // The earlier a page arrived, the longer its analysis: analyses side by side
            // finish in the reverse of their order, so reports kept as they finish are caught.
            let index = order.iter().position(|a| *a == page.url).unwrap_or(0);
            std::thread::sleep(Duration::from_millis(3 * (pages - index) as u64));
            // Each analysis waits for its own two beats (patience of its own, so that a wait
            // for company below cannot use it up), then, within one shared deadline, for a
            // second analysis to run beside it.
            let (before, patience) = (beat.beats().count, Instant::now() + BEAT_PATIENCE);
            while beat.beats().count < before + 2 && Instant::now() < patience {
                std::thread::sleep(Duration::from_micros(200));
            }
            if beat.beats().count >= before + 2 {
                seen.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            while watched.figures().peak_running < want_at_once && Instant::now() < deadline {
                std::thread::sleep(Duration::from_micros(200));
            }
        });
        let analyser = Analyser::new(1_000, &flow).with_hook(hook);
        let (sender, receiver) = tokio::sync::mpsc::channel(pages);
        for address in &addresses {
            let page = Page {
                url: address.clone(),
                body: format!("the contents of {address}"),
            };
            sender.send(page).await.expect("the receiver is alive");
        }
        drop(sender);
        let reports = analyse_all(receiver, analyser).await;
        Responsive {
            addresses,
            reports,
            saw_beats: saw.load(std::sync::atomic::Ordering::Relaxed),
            figures: flow.figures(),
            worst_late: heartbeat.beats().worst,
            spans: recorder.spans(),
        }
    })
}

#[test]
fn exercise_11_2_the_heartbeat_beats_while_pages_are_analysed_several_at_once() {
    let _one_at_a_time = one_check_at_a_time();
    let pages = 6;
    let run = responsive(pages);
    expect_in_order(ANALYSE_ALL, &run.addresses, &run.reports);
    let runtime = runtime_thread(ANALYSE_ALL);
    let on_runtime = on_the_runtime(&run.spans, &runtime).len();
    let late = match run.worst_late.as_millis() {
        0 => String::new(),
        ms => format!(", and the heartbeat was up to {ms} ms late"),
    };
    let how = match on_runtime {
        0 => "the analyses ran on other threads, but the task waited for them without \
              `.await` (a blocking wait holds the runtime's thread as surely as the work)"
            .to_owned(),
        n => format!("{n} of them ran on the runtime's thread"),
    };
    assert!(
        run.saw_beats == pages,
        "\n{ANALYSE_ALL}: the heartbeat task could not run during {} of {pages} analyses: the \
         runtime's thread was held ({how}{late}). Run each analysis off the runtime \
         (`tokio::task::spawn_blocking`, or `rayon::spawn` sending the report back on a \
         `tokio::sync::oneshot`), and wait for the reports with `.await` only: no \
         `std::thread::sleep`, no `block_on`, no `block_in_place` (which a one-thread runtime, \
         like asyncio's loop, cannot do).\n",
        pages - run.saw_beats,
    );
    let want = cores().min(2);
    assert!(
        run.figures.peak_running >= want,
        "\n{ANALYSE_ALL}: the analyses ran one at a time, on a machine with {} cores:\n\n{}\n\
         Start every analysis (`spawn_blocking` or `rayon::spawn`) as its page arrives, keep \
         the handles, and await them after the loop: awaiting each one before taking the next \
         page leaves the other cores idle.\n",
        cores(),
        draw(&run.spans, 72)
    );
}

/// Pages sent all at once, more than rayon's pool has threads, each analysis a sleep of
/// [`IDLE`] (no CPU): what `analyse_all` did, how often its future was polled, what the
/// threads did meanwhile, and when the analyses slept.
struct Quiet {
    addresses: Vec<String>,
    reports: Vec<Report>,
    figures: Figures,
    polls: usize,
    recording: Option<Recording>,
    analyses: Moments,
    spans: Vec<Span>,
}

fn quiet(pages: usize) -> Quiet {
    let analyses = Moments::default();
    let noted = analyses.clone();
    let (mut quiet, recording) = watched(|| {
        run(ANALYSE_ALL, move || async move {
            let recorder = Recorder::new();
            let flow = Flow::new(&recorder);
            let analyser = Analyser::new(10, &flow).with_hook(Arc::new(move |_: &Page| {
                let started = Instant::now();
                std::thread::sleep(IDLE);
                noted.note(started);
            }));
            let addresses: Vec<String> = (0..pages).map(address).collect();
            let (sender, receiver) = tokio::sync::mpsc::channel(pages);
            for address in &addresses {
                let body = format!("the contents of {address}");
                let page = Page {
                    url: address.clone(),
                    body,
                };
                sender.send(page).await.expect("the receiver is alive");
            }
            drop(sender);
            // Every poll of the answer's future is counted: a task that awaits its reports is
            // polled when one is ready; one that looks again and again is polled each time.
            let polls = Arc::new(AtomicUsize::new(0));
            let counted = Arc::clone(&polls);
            let mut answer = Box::pin(analyse_all(receiver, analyser));
            let polled = std::future::poll_fn(move |cx| {
                counted.fetch_add(1, Ordering::Relaxed);
                answer.as_mut().poll(cx)
            });
            let reports = polled.await;
            Quiet {
                addresses,
                reports,
                figures: flow.figures(),
                polls: polls.load(Ordering::Relaxed),
                recording: None,
                analyses: Moments::default(),
                spans: recorder.spans_labelled(ANALYSE),
            }
        })
    });
    quiet.recording = recording;
    quiet.analyses = analyses;
    quiet
}

#[test]
fn exercise_11_2_the_task_awaits_its_reports_and_no_more_analyses_run_than_threads() {
    let _one_at_a_time = one_check_at_a_time();
    let (threads, cores) = (threads(), cores());
    let pages = threads + 2;
    let run = quiet(pages);
    expect_in_order(ANALYSE_ALL, &run.addresses, &run.reports);
    let runtime = runtime_thread(ANALYSE_ALL);
    let blocked = on_the_runtime(&run.spans, &runtime);
    assert!(
        blocked.is_empty(),
        "\n{ANALYSE_ALL}: {} of {pages} analyses ran on the runtime's thread ({runtime}), one \
         after another, each holding it: no other task could run meanwhile. Hand each page to \
         `rayon::spawn` (sending the report back on a `tokio::sync::oneshot`) and await the \
         reports.\n",
        blocked.len(),
    );
    assert!(
        run.figures.peak_running <= threads,
        "\n{ANALYSE_ALL}: {} analyses ran at once, on a machine with {cores} cores (rayon's \
         pool has {threads} threads in this check):\n\n{}\nA thread per page (a \
         `spawn_blocking` for each, all at once: tokio's blocking pool has up to 512 threads) \
         runs as many analyses as there are pages; CPU work cannot go faster than the cores, so \
         the extra threads only hold more pages in memory. Hand each page to `rayon::spawn` \
         (its pool runs one analysis a thread and queues the rest), or hold a permit of a \
         `tokio::sync::Semaphore` of `rayon::current_num_threads()` permits around each \
         `spawn_blocking`.\n",
        run.figures.peak_running,
        draw(&run.spans, 72)
    );
    // One poll to start, about one per report as it comes; twice that, and some, is allowed.
    let allowed = 2 * pages + 8;
    assert!(
        run.polls <= allowed,
        "\n{ANALYSE_ALL}: the task was polled {} times for {pages} pages whose analyses took \
         {} ms each: it woke up again and again to look whether a report was ready (a \
         `try_recv` or `is_finished` loop with `yield_now().await`, or a short sleep, between \
         looks: asyncio's `while q.empty(): await asyncio.sleep(0)`), which keeps the runtime's \
         thread busy asking. Wanted: at most {allowed}, about one per report. Await the report \
         itself (the `oneshot` receiver, or the `JoinHandle`): the task sleeps until it is \
         ready, and is woken once.\n",
        run.polls,
        IDLE.as_millis(),
    );
    expect_no_busy_wait(
        ANALYSE_ALL,
        run.recording,
        &run.analyses,
        &format!(
            "while the first analyses slept (no CPU work, {} ms each), nothing could be ready",
            IDLE.as_millis()
        ),
        "Something asks whether a report is ready again and again (a `try_recv` or \
         `is_finished` loop on another thread, yielding or sleeping a moment between tries). \
         Wait with `.await` on each report (a `oneshot` receiver, a `JoinHandle`), or with a \
         blocking `recv()`, never by asking again and again.",
    );
}
