//! Checks for lesson 10's exercises: `cargo test -p lesson-10`.
//!
//! Each check starts the lesson's real HTTP server on 127.0.0.1 and grades what the *server*
//! saw: how many requests it handled at once (a request counts from the moment its handler
//! starts to the moment it answers, so these counts never exceed what the client had in
//! flight), which paths on which host, how often, in which order. No check reads a wall clock
//! against a bound: pages are slow enough (100 ms and more) that requests sent together
//! overlap at the server on any machine. Each runs inside `instruments::check::within`, so a
//! hung answer gets a verdict in seconds.

use std::collections::HashMap;
use std::future::Future;
use std::time::Duration;

use instruments::busy::{Recording, Threads, Watch, quiet_window};
use instruments::check::within;
use instruments::site::{Request, most_at_once};
use lesson_10::exercises::{crawl, fetch_pages};
use lesson_10::{
    CrawlOptions, Crawled, FetchError, Page, Server, Site, Url, client, crawlable, fetch_page,
    runtime,
};

const FETCH_PAGES: &str =
    "exercise 10.1 `fetch_pages` (lessons/lesson-10/src/exercises/fetch_pages.rs)";
const CRAWL: &str = "exercise 10.2 `crawl` (lessons/lesson-10/src/exercises/crawl.rs)";

/// The longest a check may take before a hung answer is judged.
const LIMIT: Duration = Duration::from_secs(20);

/// A site whose pages take `latency` (the slow ones 3x), `/never` answering after a minute.
fn server(pages: usize, latency: Duration) -> Server {
    Server::start(Site {
        pages,
        latency,
        slow_every: 5,
        slow_latency: latency * 3,
        never: Duration::from_secs(60),
    })
}

fn url(server: &Server, path: &str) -> Url {
    Url::parse(&server.url(path)).expect("a url")
}

/// The most requests the server handled at once among those it answered (a request the
/// client gave up on ends when the server notices, a moment later: not counted against it).
fn most_answered_at_once(log: &[Request]) -> usize {
    let answered: Vec<Request> = log.iter().filter(|r| r.status.is_some()).cloned().collect();
    most_at_once(&answered)
}

fn paths(log: &[Request]) -> Vec<String> {
    log.iter().map(|r| r.path.clone()).collect()
}

/// Runs `fetch_pages` on the server's urls `paths` with `limit`, a client timeout of `timeout`.
fn run_fetch_pages(
    server: &Server,
    paths: &[&str],
    limit: usize,
    timeout: Duration,
) -> (Vec<Url>, Vec<Result<Page, FetchError>>) {
    let urls: Vec<Url> = paths.iter().map(|p| url(server, p)).collect();
    let asked = urls.clone();
    server.reset();
    let results = within(FETCH_PAGES, LIMIT, move || {
        runtime().block_on(async move { fetch_pages(&client(timeout), &asked, limit).await })
    });
    (urls, results)
}

/// Each url's result in a word: its status, or its error ("404", "timed out").
fn statuses(results: &[Result<Page, FetchError>]) -> Vec<String> {
    results
        .iter()
        .map(|r| match r {
            Ok(page) => page.status.to_string(),
            Err(e) => e.to_string(),
        })
        .collect()
}

#[track_caller]
fn expect_one_result_per_url_in_order(urls: &[Url], results: &[Result<Page, FetchError>]) {
    assert_eq!(
        results.len(),
        urls.len(),
        "\n{FETCH_PAGES}: {} urls, but {} results came back. Every url needs its result, a \
         failed one too (an `Err`).\n",
        urls.len(),
        results.len()
    );
    for (index, (url, result)) in urls.iter().zip(results).enumerate() {
        if let Ok(page) = result {
            assert_eq!(
                &page.url, url,
                "\n{FETCH_PAGES}: result {index} is the page of {}, but urls[{index}] is {url}. \
                 Results go in the order of the urls, not the order the answers came in \
                 (`buffer_unordered` yields them as they finish: carry each url's index and sort).\n",
                page.url
            );
        }
    }
}

#[test]
fn exercise_10_1_fetches_every_url_at_most_limit_at_once_in_order() {
    let server = server(10, Duration::from_millis(100));
    // Latencies out of order, so that answers arrive in another order than asked.
    let millis = [300, 100, 250, 100, 400, 150, 200, 100, 350, 150, 300, 100];
    let paths: Vec<String> = millis.iter().map(|ms| format!("/delay/{ms}")).collect();
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
    for limit in [3, 5] {
        let (urls, results) = run_fetch_pages(&server, &paths, limit, Duration::from_secs(10));
        expect_one_result_per_url_in_order(&urls, &results);
        for (url, result) in urls.iter().zip(&results) {
            let status = result.as_ref().map(|page| page.status);
            assert_eq!(
                status,
                Ok(200),
                "\n{FETCH_PAGES}: {url} should give a page with 200.\n"
            );
        }
        let log = server.log();
        let mut asked = paths.clone();
        let mut seen = paths_of(&log);
        asked.sort_unstable();
        seen.sort_unstable();
        assert_eq!(
            seen, asked,
            "\n{FETCH_PAGES}: the server should see each url requested once.\n"
        );
        let most = expect_at_most(
            FETCH_PAGES,
            &log,
            limit,
            "`.buffer_unordered(limit)` on a stream of fetches (or one shared semaphore of \
             `limit` permits, each fetch holding one while it runs)",
        );
        let connections = server.stats().connections as usize;
        assert!(
            connections < urls.len(),
            "\n{FETCH_PAGES}: {} requests came on {connections} connections: none was reused. \
             Send every request through the one `client` you are given (its pool keeps \
             connections alive); a client made per request opens a connection each time.\n",
            urls.len()
        );
        assert_eq!(
            most,
            limit,
            "\n{FETCH_PAGES}: with limit={limit} and {} urls, the server should handle {limit} \
             requests at once, but at most {most} were. Are the fetches awaited one by one? \
             Start up to `limit` of them before awaiting any.\n",
            urls.len()
        );
    }
}

/// Fails unless the server handled at most `limit` answered requests at once; returns the most.
#[track_caller]
fn expect_at_most(exercise: &str, log: &[Request], limit: usize, advice: &str) -> usize {
    let most = most_answered_at_once(log);
    assert!(
        most <= limit,
        "\n{exercise}: the server handled {most} requests at once with limit={limit}. At most \
         `limit` may be in flight: {advice}.\n"
    );
    most
}

fn paths_of(log: &[Request]) -> Vec<&str> {
    log.iter().map(|r| r.path.as_str()).collect()
}

#[test]
fn exercise_10_1_a_free_slot_is_used_at_once() {
    // Limit 2: /delay/1000 and the first /delay/100 start; when a 100 ms page ends, the next
    // starts at once, so the five fast pages run one after another beside the slow one and all
    // start within about 500 ms, long before it ends. Batches of two wait for the slowest of
    // each batch; a loop that looks for a free slot every so often leaves it empty until it
    // looks again.
    let server = server(10, Duration::from_millis(100));
    let paths = [
        "/delay/1000",
        "/delay/100",
        "/delay/100",
        "/delay/100",
        "/delay/100",
        "/delay/100",
    ];
    let (urls, results) = run_fetch_pages(&server, &paths, 2, Duration::from_secs(10));
    expect_one_result_per_url_in_order(&urls, &results);
    let log = server.log();
    let slow = log
        .iter()
        .find(|r| r.path == "/delay/1000")
        .expect("the slow url requested");
    let slow_end = slow.end.unwrap_or(Duration::MAX);
    let late = log
        .iter()
        .filter(|r| r.path == "/delay/100" && r.start >= slow_end)
        .count();
    let fast = paths.len() - 1;
    assert!(
        late == 0,
        "\n{FETCH_PAGES}: with limit 2, one page of 1 s and {fast} of 100 ms, the fast pages \
         should run one after another beside the slow one (all started within about 500 ms), \
         but {late} of them started only after the slow one ended: a free slot waited. Start \
         the next fetch as soon as any one is done, not batch by batch, and not when a loop \
         next looks (a loop that sleeps between looks leaves a freed slot empty until it wakes). \
         (`buffered(limit)` does not either: a finished answer keeps its slot until every \
         answer before it is in, to keep the order; `buffer_unordered(limit)` frees it, and an \
         index puts the results back in order.)\n"
    );
}

#[test]
fn exercise_10_1_a_404_or_a_timeout_is_that_urls_own_result() {
    let server = server(10, Duration::from_millis(100));
    let paths = ["/delay/200", "/missing", "/never", "/delay/100", "/page/1"];
    let (urls, results) = run_fetch_pages(&server, &paths, 2, Duration::from_millis(1500));
    expect_one_result_per_url_in_order(&urls, &results);
    let statuses = statuses(&results);
    assert_eq!(
        statuses,
        ["200", "404", "timed out", "200", "200"],
        "\n{FETCH_PAGES}: {paths:?} should give [200, 404, timed out, 200, 200]: a 404 is a page \
         (with status 404), a timeout is that url's `Err`, and neither changes the other urls' \
         results. Keep each url's own `Result`; do not stop or fail the whole call at the first \
         error.\n"
    );
}

#[test]
fn exercise_10_1_waiting_for_a_slot_is_not_a_busy_loop() {
    // Three pages of a second, two at a time: while the first two are in flight, the third
    // waits for a slot, and nothing can happen until one of them answers. A fetch that waits
    // sleeps meanwhile (its thread is not runnable, and is not woken); one that checks a counter
    // and yields keeps its thread runnable the whole time, one that sleeps a moment between
    // checks wakes it again and again. The kernel counts both, whatever the machine's load.
    let server = server(10, Duration::from_millis(100));
    let paths = ["/delay/1000"; 3];
    let urls: Vec<Url> = paths.iter().map(|p| url(&server, p)).collect();
    let asked = urls.clone();
    server.reset();
    let (results, recording) = watched(FETCH_PAGES, move || async move {
        fetch_pages(&client(Duration::from_secs(10)), &asked, 2).await
    });
    expect_one_result_per_url_in_order(&urls, &results);
    expect_no_busy_wait(
        FETCH_PAGES,
        &server,
        recording,
        "three requests of a second with limit 2: while the first two were in flight, the \
         third waited for a slot, and nothing else could happen",
        "A loop that checks a counter and yields (`while in_flight >= limit { \
         yield_now().await }`), or sleeps a moment between checks, is busy waiting: the thread \
         asks instead of sleeping until a slot is free. Wait on something that wakes you when \
         one is: `.buffer_unordered(limit)`, or one shared `tokio::sync::Semaphore` of `limit` \
         permits (`acquire().await`).",
    );
}

/// Runs the future `make` makes on a fresh one-thread runtime of its own, within [`LIMIT`], watching this
/// check's threads only (the runtime's, and any it starts: other checks run side by side in
/// this process, their servers busy); returns its output and what the watch saw (`None` where
/// the kernel's counts cannot be read).
fn watched<T, F>(
    exercise: &str,
    make: impl FnOnce() -> F + Send + 'static,
) -> (T, Option<Recording>)
where
    T: Send + 'static,
    F: Future<Output = T>,
{
    within(exercise, LIMIT, move || {
        let threads = Threads::listed();
        threads.add_current();
        let listed = threads.clone();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .on_thread_start(move || listed.add_current())
            .build()
            .expect("a tokio runtime");
        let watch = Watch::start(threads, LIMIT);
        let output = runtime.block_on(make());
        (output, watch.map(Watch::stop))
    })
}

/// Fails naming `exercise` if a thread of the check busy-waited while every request the server
/// saw at first was in flight and none had answered (`what` says what that stretch was): more
/// than [`MOST_WAKEUPS`] wake-ups, or runnable half the time.
#[track_caller]
fn expect_no_busy_wait(
    exercise: &str,
    server: &Server,
    recording: Option<Recording>,
    what: &str,
    advice: &str,
) {
    let Some(recording) = recording else {
        eprintln!("{exercise}: this system has no per-thread scheduler counts: not judged");
        return;
    };
    // The server's log says when each request was in flight, on the clock of `Instant`.
    let origin = server.origin();
    let in_flight = server.log().into_iter().map(|r| {
        let end = r.end.unwrap_or(Duration::MAX / 4);
        (origin + r.start, origin + end)
    });
    let Some((from, to)) = quiet_window(in_flight, Duration::from_millis(50)) else {
        return; // no request overlapped another: the other checks say what is wrong
    };
    if let Some(busy) = recording.judge(from, to, MOST_WAKEUPS) {
        panic!("\n{exercise}: {what}. Yet {busy}. {advice}\n");
    }
}

/// How many times a thread may be woken in a quiet window of about 900 ms: a waiting thread is
/// not woken at all (the references: 0); a loop sleeping 300 ms between looks, 3 times. A loop
/// that sleeps longer is woken less, and leaves a freed slot empty for longer: the check that a
/// free slot is used at once fails it.
const MOST_WAKEUPS: u64 = 2;

#[test]
fn exercise_10_1_the_clients_timeout_is_the_only_one() {
    // The client's timeout is 2.5 s: a page of 2 s is within it. A timeout of the answer's own
    // shorter than 2 s gives that page up; one longer than 2.5 s never fires (the client's
    // comes first): only the client's decides.
    let server = server(10, Duration::from_millis(100));
    let paths = ["/delay/2000", "/delay/100"];
    let (urls, results) = run_fetch_pages(&server, &paths, 2, Duration::from_millis(2500));
    expect_one_result_per_url_in_order(&urls, &results);
    let statuses = statuses(&results);
    assert_eq!(
        statuses,
        ["200", "200"],
        "\n{FETCH_PAGES}: with a client whose timeout is 2.5 s, {paths:?} should give [200, 200], \
         but gave {statuses:?}: a page of 2 s was given up on. The timeout is the client's (it \
         is set when the client is made, and `fetch_page` keeps to it): add none of your own \
         around the fetches (no `tokio::time::timeout` with a duration you chose).\n"
    );
}

/// A crawl of the server's site from `/`, on a runtime of its own.
fn run_crawl(server: &Server, options: CrawlOptions) -> Vec<Crawled> {
    run_crawl_from(server, "/", options)
}

/// A crawl from the server's `path`, on a runtime of its own (the client's timeout: 30 s).
fn run_crawl_from(server: &Server, path: &str, options: CrawlOptions) -> Vec<Crawled> {
    let start = url(server, path);
    server.reset();
    within(CRAWL, LIMIT, move || {
        runtime()
            .block_on(async move { crawl(&client(Duration::from_secs(30)), &start, options).await })
    })
}

/// The reference order: one page at a time, breadth first, written plainly.
fn breadth_first_paths(server: &Server, options: CrawlOptions) -> Vec<String> {
    let start = url(server, "/");
    server.reset();
    runtime().block_on(async {
        let client = client(options.timeout);
        let mut queue = std::collections::VecDeque::from([start.clone()]);
        let mut queued = vec![start.clone()];
        let mut fetched = 0;
        while let Some(next) = queue.pop_front() {
            if fetched == options.max_pages {
                break;
            }
            fetched += 1;
            let Ok(page) = fetch_page(&client, &next).await else {
                continue;
            };
            for link in page.links.iter().filter(|l| crawlable(&start, l)) {
                if !queued.contains(link) {
                    queued.push(link.clone());
                    queue.push_back(link.clone());
                }
            }
        }
    });
    paths(&server.log())
}

#[test]
fn exercise_10_2_one_at_a_time_it_is_breadth_first() {
    let server = server(12, Duration::from_millis(5));
    let options = CrawlOptions {
        max_pages: 16,
        limit: 1,
        timeout: Duration::from_millis(500),
    };
    let want = breadth_first_paths(&server, options);
    let crawled = run_crawl(&server, options);
    let log = server.log();
    expect_at_most(
        CRAWL,
        &log,
        1,
        "start a fetch only while fewer than `limit` run",
    );
    let got = paths(&log);
    assert_eq!(
        got, want,
        "\n{CRAWL}: with limit=1 the server should see the pages breadth first (the start \
         page, then the pages it links to in the order of its links, then theirs...). Take \
         urls from the queue's front (`pop_front`) and add new links at its back \
         (`push_back`); links found on a page are queued after the links already waiting.\n"
    );
    let never = crawled.iter().find(|c| c.url.path() == "/never");
    let never = never.map(|c| c.result.clone());
    assert_eq!(
        never,
        Some(Err(FetchError::Timeout)),
        "\n{CRAWL}: /never never answers: after `options.timeout` its result is \
         `Err(FetchError::Timeout)` (wrap each fetch in `tokio::time::timeout`), and the crawl \
         goes on.\n"
    );
    assert_eq!(
        crawled.len(),
        options.max_pages,
        "\n{CRAWL}: {} results for a budget of {} urls on a site with more: one `Crawled` per \
         url fetched.\n",
        crawled.len(),
        options.max_pages
    );
}

#[test]
fn exercise_10_2_each_page_once_same_host_at_most_limit_at_once() {
    let server = server(30, Duration::from_millis(100));
    let options = CrawlOptions {
        max_pages: 200, // more than the site has: the whole site
        limit: 4,
        timeout: Duration::from_secs(1),
    };
    let crawled = run_crawl(&server, options);
    let log = server.log();
    let host = server.addr().to_string();
    let elsewhere: Vec<String> = log
        .iter()
        .filter(|r| r.host != host)
        .map(|r| format!("http://{}{}", r.host, r.path))
        .collect();
    assert!(
        elsewhere.is_empty(),
        "\n{CRAWL}: the crawl from http://{host}/ requested pages on another host: \
         {elsewhere:?}. Follow only links on the start page's own host and port (`crawlable`).\n"
    );
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for r in &log {
        *counts.entry(r.path.as_str()).or_default() += 1;
    }
    let mut twice: Vec<(&str, usize)> = counts.into_iter().filter(|(_, n)| *n > 1).collect();
    twice.sort_unstable();
    assert!(
        twice.is_empty(),
        "\n{CRAWL}: the server was asked for some pages more than once (path, times): \
         {twice:?}. Mark a url seen when you *queue* it, in the same step as the check \
         (`if seen.insert(url.clone()) {{ queue.push_back(url) }}`), with no `.await` between \
         the check and the insert: a url checked now but marked after its fetch is queued \
         again by every page that links to it meanwhile.\n"
    );
    let advice = "start a fetch only while fewer than `limit` run (`running.len() < limit`)";
    let most = expect_at_most(CRAWL, &log, options.limit, advice);
    assert!(
        most >= 2,
        "\n{CRAWL}: the server never handled two requests at once (at most {most}): the crawl \
         fetched one page at a time. Spawn up to `limit` fetches (a `JoinSet`) before waiting \
         for one.\n"
    );
    let pages = crawled.iter().filter(|c| c.result.is_ok()).count();
    assert!(
        pages >= 36,
        "\n{CRAWL}: {pages} pages fetched; the site has 30 pages and a dozen special ones all \
         reachable from /: follow every crawlable link.\n"
    );
}

#[test]
fn exercise_10_2_keeps_to_the_page_budget() {
    let server = server(30, Duration::from_millis(100));
    for (max_pages, limit) in [(7, 3), (12, 5)] {
        let options = CrawlOptions {
            max_pages,
            limit,
            timeout: Duration::from_secs(1),
        };
        let crawled = run_crawl(&server, options);
        let log = server.log();
        expect_at_most(CRAWL, &log, limit, "the `limit` given, not a constant");
        // A redirect is one fetch and two requests: /moved (302), then /landing.
        let fetches = log.iter().filter(|r| r.status != Some(302)).count();
        assert_eq!(
            fetches, max_pages,
            "\n{CRAWL}: with max_pages={max_pages}, the server was asked for {fetches} pages. \
             Count the fetches you start, and start none once the count is `max_pages` (test \
             the budget before spawning, not after the fetch).\n"
        );
        assert_eq!(
            crawled.len(),
            max_pages,
            "\n{CRAWL}: one `Crawled` for each of the {max_pages} urls fetched.\n"
        );
    }
}

#[test]
fn exercise_10_2_each_fetch_is_given_options_timeout() {
    // The client's timeout is 30 s; only `options.timeout` decides. One page, the start page.
    let server = server(10, Duration::from_millis(100));
    for (path, timeout, want) in [
        ("/delay/2000", Duration::from_secs(4), Ok(200)),
        (
            "/delay/600",
            Duration::from_millis(150),
            Err(FetchError::Timeout),
        ),
    ] {
        let options = CrawlOptions {
            max_pages: 1,
            limit: 2,
            timeout,
        };
        let crawled = run_crawl_from(&server, path, options);
        let got: Vec<Result<u16, FetchError>> = crawled
            .iter()
            .map(|c| {
                c.result
                    .as_ref()
                    .map(|page| page.status)
                    .map_err(Clone::clone)
            })
            .collect();
        assert_eq!(
            got,
            std::slice::from_ref(&want),
            "\n{CRAWL}: a crawl from {path} with max_pages=1 and options.timeout={timeout:?} \
             should give [{want:?}], but gave {got:?}. Give each fetch `options.timeout` \
             (`tokio::time::timeout(options.timeout, fetch_page(..))`), not a duration of your \
             own: a page slower than the option is `Err(FetchError::Timeout)`, one faster is \
             its page.\n"
        );
    }
}

#[test]
fn exercise_10_2_a_free_slot_is_used_at_once() {
    // Limit 2 on a site whose every 5th page takes a second and the others 30 ms: while a slow
    // page is in flight, the other slot should fetch page after page from the queue. Batches
    // (a level, or `limit` urls, fetched together and waited for together) leave that slot
    // empty until the slow page ends.
    let server = Server::start(Site {
        pages: 20,
        latency: Duration::from_millis(30),
        slow_every: 5,
        slow_latency: Duration::from_millis(1000),
        never: Duration::from_secs(60),
    });
    let options = CrawlOptions {
        max_pages: 200,
        limit: 2,
        timeout: Duration::from_secs(3),
    };
    run_crawl(&server, options);
    let log = server.log();
    expect_at_most(CRAWL, &log, options.limit, "`running.len() < limit`");
    let slow = |r: &Request| {
        let n = r
            .path_only()
            .strip_prefix("/page/")
            .and_then(|n| n.parse::<usize>().ok());
        n.is_some_and(|n| n % 5 == 0)
    };
    // For each slow request, how many requests started after it and before it ended.
    let (most, during) = log
        .iter()
        .filter(|s| slow(s))
        .map(|s| {
            let end = s.end.unwrap_or(Duration::MAX);
            let started = log
                .iter()
                .filter(|r| r.start > s.start && r.start < end)
                .count();
            (started, s.path.clone())
        })
        .max()
        .unwrap_or((0, "no slow page".into()));
    assert!(
        most >= 3,
        "\n{CRAWL}: with limit 2, while a page of 1 s was in flight the other slot should fetch \
         page after page (30 ms each) from the queue, but at most {most} requests started \
         during one ({during}): a free slot waited for the slow page. Fetching a level, or \
         `limit` urls, together and waiting for them all (`join_all` on a batch) makes every \
         batch as slow as its slowest page. Keep up to `limit` fetches running: as soon as one \
         is done (`join_next().await`), queue its links and start the next.\n"
    );
}

#[test]
fn exercise_10_2_waiting_for_a_fetch_is_not_a_busy_loop() {
    // A crawl of one page that takes a second: while it is in flight the crawl has nothing to
    // do but wait for it. `join_next().await` sleeps until a fetch is done; a loop that asks
    // `try_join_next()` and yields keeps the thread runnable, one that sleeps between asks wakes
    // it again and again.
    let server = server(10, Duration::from_millis(100));
    let start = url(&server, "/delay/1000");
    server.reset();
    let options = CrawlOptions {
        max_pages: 1,
        limit: 2,
        timeout: Duration::from_secs(5),
    };
    let (crawled, recording) = watched(CRAWL, move || async move {
        crawl(&client(Duration::from_secs(30)), &start, options).await
    });
    assert_eq!(
        crawled.len(),
        1,
        "\n{CRAWL}: a crawl with max_pages=1 should give one `Crawled`.\n"
    );
    expect_no_busy_wait(
        CRAWL,
        &server,
        recording,
        "a crawl of one page of a second: while it was in flight, the crawl had nothing to do \
         but wait for it",
        "A loop that asks whether a fetch is done (`try_join_next()`, `is_finished()`) and \
         yields or sleeps a moment between asks is busy waiting. Wait with \
         `running.join_next().await`: the task sleeps until a fetch is done.",
    );
}
