//! The demonstration's runs: the same pages fetched one after another, by thread pools of
//! blocking requests (the tutorials' `ThreadPoolExecutor` with `requests.get`), and by async
//! tasks with a limit on requests in flight; and the peak memory of a run.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use instruments::compare::{Compared, Comparison, Outcome};
use instruments::summary::ratio_to_ideal;
use instruments::{Lesson, Measurement, Recorder, Span};
use serde_json::Value;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use crate::{Client, Page, Url, fetch_page, fetch_page_blocking};

/// What a run fetched: pages answered 200, and links read in them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Pages that answered 200.
    pub ok: usize,
    /// Links the parser found in them.
    pub links: usize,
}

impl Tally {
    fn add(&mut self, page: Option<&Page>) {
        if let Some(page) = page.filter(|p| p.status == 200) {
            self.ok += 1;
            self.links += page.links.len();
        }
    }
}

/// Python's `ThreadPoolExecutor()` default size: `min(32, os.cpu_count() + 4)`.
pub fn python_default_workers(cores: usize) -> usize {
    32.min(cores + 4)
}

/// The best time for `pages` pages of `latency` each, `limit` at a time (waves of `limit`).
pub fn ideal(pages: usize, latency: Duration, limit: usize) -> Duration {
    latency * pages.div_ceil(limit.max(1)) as u32
}

fn task(index: usize) -> String {
    format!("page-{index:03}")
}

/// One request after another, on this thread (one agent: one kept-alive connection).
pub fn sequential(agent: &ureq::Agent, urls: &[Url], recorder: &Recorder) -> Tally {
    let mut tally = Tally::default();
    for (index, url) in urls.iter().enumerate() {
        let page = recorder.record(task(index), "GET", || fetch_page_blocking(agent, url));
        tally.add(page.as_ref().ok());
    }
    tally
}

/// `workers` threads sharing one agent, each taking the next url until none is left (what
/// `ThreadPoolExecutor(max_workers=workers).map(requests.get, urls)` does).
pub fn thread_pool(agent: &ureq::Agent, urls: &[Url], workers: usize, rec: &Recorder) -> Tally {
    // ANCHOR: thread_pool
    let next = AtomicUsize::new(0);
    let tallies: Vec<Tally> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut tally = Tally::default();
                    let mut index = next.fetch_add(1, Ordering::Relaxed);
                    while let Some(url) = urls.get(index) {
                        let page =
                            rec.record(task(index), "GET", || fetch_page_blocking(agent, url));
                        tally.add(page.as_ref().ok());
                        index = next.fetch_add(1, Ordering::Relaxed);
                    }
                    tally
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a worker panicked"))
            .collect()
    });
    tallies.into_iter().fold(Tally::default(), |mut all, t| {
        all.ok += t.ok;
        all.links += t.links;
        all
    })
    // ANCHOR_END: thread_pool
}

/// One task per url on the current runtime, each holding one of `limit` permits while its
/// request is in flight (`asyncio.Semaphore(limit)` around `session.get`).
pub async fn async_limited(client: &Client, urls: &[Url], limit: usize, rec: &Recorder) -> Tally {
    // ANCHOR: async_limited
    let permits = Arc::new(Semaphore::new(limit));
    let mut tasks = JoinSet::new();
    for (index, url) in urls.iter().cloned().enumerate() {
        let (permits, client, rec) = (Arc::clone(&permits), client.clone(), rec.clone());
        tasks.spawn(async move {
            let _permit = permits.acquire_owned().await.expect("never closed");
            let _span = rec.span(task(index), "GET");
            fetch_page(&client, &url).await
        });
    }
    let mut tally = Tally::default();
    while let Some(page) = tasks.join_next().await {
        tally.add(page.expect("a fetch task panicked").as_ref().ok());
    }
    tally
    // ANCHOR_END: async_limited
}

/// The process's resident memory in KiB (`VmRSS` in `/proc/self/status`; 0 where there is none).
pub fn resident_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let rss = status.lines().find_map(|l| l.strip_prefix("VmRSS:"));
    rss.and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// Runs `work` while a thread samples the resident memory every 2 ms; returns its result and
/// the peak above the memory before it started, in KiB.
pub fn peak_memory<T>(work: impl FnOnce() -> T) -> (T, u64) {
    let before = resident_kib();
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let sampler = scope.spawn(|| {
            let mut peak = before;
            // Bounded: stops when `work` is done, and after 10 minutes at most.
            for _ in 0..300_000 {
                peak = peak.max(resident_kib());
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                std::thread::sleep(Duration::from_millis(2));
            }
            peak
        });
        let value = work();
        stop.store(true, Ordering::Relaxed);
        let peak = sampler.join().expect("the sampler panicked");
        (value, peak.saturating_sub(before))
    })
}

/// What one run of the demonstration gives: what it fetched and what the server counted.
#[derive(Debug, Clone)]
pub struct Run {
    /// Pages and links.
    pub tally: Tally,
    /// The server's counters for this run alone.
    pub stats: instruments::site::Stats,
    /// Every request the server handled in this run.
    pub log: Vec<instruments::site::Request>,
}

/// The server's side of a run as spans, one row per connection: which requests each
/// connection carried, one after another (keep-alive), and when.
pub fn connection_spans(log: &[instruments::site::Request]) -> Vec<Span> {
    let origin = log.iter().map(|r| r.start).min().unwrap_or_default();
    let span = |r: &instruments::site::Request| Span {
        task: format!("connection {:02}", r.connection),
        label: "GET".into(),
        thread: 0,
        thread_name: "server".into(),
        start: r.start - origin,
        end: r.end.unwrap_or(r.start) - origin,
    };
    log.iter().map(span).collect()
}

/// The demonstration's sizes: `pages` pages of `latency` each, and Python's default pool size.
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    /// How many pages every run fetches.
    pub pages: usize,
    /// Each page's latency at the server.
    pub latency: Duration,
    /// `min(32, cores + 4)`.
    pub python_workers: usize,
}

impl Plan {
    /// The demonstration's sizes (`quick`: 12 pages of 15 ms; else 100 pages of 100 ms).
    pub fn new(quick: bool) -> Plan {
        let (pages, ms) = if quick { (12, 15) } else { (100, 100) };
        Plan {
            pages,
            latency: Duration::from_millis(ms),
            python_workers: python_default_workers(instruments::cores()),
        }
    }

    /// The site to serve: `pages` pages, every one of `latency`, none slow.
    pub fn site(&self) -> crate::Site {
        crate::Site {
            pages: self.pages,
            latency: self.latency,
            slow_every: 0,
            ..crate::Site::default()
        }
    }

    /// How many requests the variant `key` may have in flight (1 for `sequential`).
    pub fn limit(&self, key: &str) -> usize {
        match key {
            "sequential" => 1,
            "pool_default" => self.python_workers,
            other => other
                .rsplit('_')
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(1),
        }
    }

    /// The best time for the variant `key`.
    pub fn ideal(&self, key: &str) -> Duration {
        ideal(self.pages, self.latency, self.limit(key))
    }
}

/// Runs every variant against `server` (reset before each, a new client each time so its
/// connections are counted), in turns, and keeps one run of each.
pub fn compare(server: &crate::Server, plan: &Plan) -> Compared<Run> {
    let url = |n: usize| Url::parse(&server.url(&format!("/page/{n}"))).expect("a url");
    let urls: Vec<Url> = (1..=plan.pages).map(url).collect();
    let runtime = crate::runtime();
    let timeout = Duration::from_secs(30);
    let agent = || instruments::site::blocking_agent(timeout);
    let measured = |run: &dyn Fn() -> Tally| {
        server.reset();
        let tally = run();
        let (stats, log) = (server.stats(), server.log());
        Run { tally, stats, log }
    };
    let urls = &urls;
    let pool = |n: usize| move |r: &Recorder| measured(&|| thread_pool(&agent(), urls, n, r));
    let tasks = |n: usize| {
        let runtime = &runtime;
        move |r: &Recorder| {
            let client = crate::client(timeout);
            measured(&|| runtime.block_on(async_limited(&client, urls, n, r)))
        }
    };
    let python = plan.python_workers;
    Comparison::new()
        .variant("sequential", "sequential, one agent", |r| {
            measured(&|| sequential(&agent(), urls, r))
        })
        .variant("pool_10", "thread pool of 10", pool(10))
        .variant(
            "pool_default",
            format!("pool of {python} (Python's default)"),
            pool(python),
        )
        .variant("async_10", "async, limit 10", tasks(10))
        .variant("async_50", "async, limit 50", tasks(50))
        .variant("async_200", "async, limit 200", tasks(200))
        .run()
}

/// The table's columns for one run.
pub fn figures(
    plan: &Plan,
    run: &Outcome<Run>,
    memory_kib: Option<u64>,
) -> Vec<(&'static str, Value)> {
    let ideal = plan.ideal(run.key);
    let stats = run.value.stats;
    vec![
        ("ratio_to_ideal", ratio_to_ideal(run.elapsed, ideal).into()),
        ("server_most_at_once", stats.max_in_flight.into()),
        ("requests", stats.requests.into()),
        ("connections", stats.connections.into()),
        ("peak_memory_mib", memory_kib.map_or(Value::Null, mib)),
    ]
}

fn mib(kib: u64) -> Value {
    (kib as f64 / 1024.0).into()
}

/// What the runs show, from their typed results: said, and derived for `--json`.
pub fn verdicts(lesson: &mut Lesson, plan: &Plan, compared: &Compared<Run>) {
    let mut within = true;
    for run in &compared.outcomes {
        let (stats, limit) = (run.value.stats, plan.limit(run.key));
        within &= stats.max_in_flight <= limit as u64;
        let ratio = ratio_to_ideal(run.elapsed, plan.ideal(run.key));
        let connections = match stats.connections {
            1 => "1 connection".to_owned(),
            n => format!("{n} connections"),
        };
        lesson.say(format!(
            "{}: {:.2} s against an ideal of {:.2} s ({ratio:.2}x); the server saw {} at \
             once (limit {limit}), {} requests on {connections}.",
            run.name,
            run.elapsed.as_secs_f64(),
            plan.ideal(run.key).as_secs_f64(),
            stats.max_in_flight,
            stats.requests,
        ));
    }
    lesson.derive("every_run_within_its_limit", within);
    let tally = compared.get("sequential").value.tally;
    lesson.derive("pages_ok", tally.ok);
    lesson.derive("links_read", tally.links);
    for key in ["pool_10", "async_10", "async_200"] {
        let speedup = compared.speedup("sequential", key);
        lesson.derive(&format!("{key}_speedup_over_sequential"), speedup);
    }
    let (pool, tasks) = (compared.get("pool_10"), compared.get("async_10"));
    let same = tasks.elapsed.as_secs_f64() / pool.elapsed.as_secs_f64();
    lesson.derive("async_10_time_over_pool_10", same);
    lesson.say(format!(
        "\nWith the same limit of 10, async took {same:.2}x the thread pool's time: what bounds \
         both is the limit, not threads or tasks. Every run kept within its limit: {within}."
    ));
}

/// The tutorials' own program (`python/thread_pool.py`: `ThreadPoolExecutor(max_workers=10)`
/// with urllib) against the same server, as a table row with what the server counted; or why
/// it did not run (no `python3`, say).
pub fn python_pool(server: &crate::Server, plan: &Plan) -> Result<Measurement, String> {
    let script = instruments::python::script(env!("CARGO_MANIFEST_DIR"), "thread_pool.py");
    let args = [server.base(), plan.pages.to_string(), "10".to_owned()];
    server.reset();
    let report = instruments::python::run(&script, &args, Duration::from_secs(120));
    let report = report.map_err(|e| format!("Python's thread pool did not run: {e}"))?;
    let seconds = instruments::python::seconds(&report, "seconds").unwrap_or_default();
    let (stats, ideal) = (server.stats(), ideal(plan.pages, plan.latency, 10));
    Ok(Measurement::new("Python, pool of 10", seconds)
        .key("python_pool_10")
        .with("ratio_to_ideal", ratio_to_ideal(seconds, ideal))
        .with("server_most_at_once", stats.max_in_flight)
        .with("requests", stats.requests)
        .with("connections", stats.connections))
}

/// The variants' keys, in the order they run.
pub const KEYS: [&str; 6] = [
    "sequential",
    "pool_10",
    "pool_default",
    "async_10",
    "async_50",
    "async_200",
];

/// `lesson-10 memory KEY BASE_URL PAGES`: runs one variant alone in this fresh process (so no
/// earlier run's memory is reused) and prints `{"peak_memory_kib": N}`: its peak resident
/// memory above the memory just before it started. Returns the exit status.
pub fn memory_main(args: &[String]) -> i32 {
    let [key, base, pages] = args else {
        eprintln!("usage: lesson-10 memory KEY BASE_URL PAGES");
        return 2;
    };
    let pages: usize = pages.parse().unwrap_or(0);
    let urls: Vec<Url> = (1..=pages)
        .filter_map(|n| Url::parse(&format!("{base}/page/{n}")).ok())
        .collect();
    let timeout = Duration::from_secs(30);
    let (agent, client) = (
        instruments::site::blocking_agent(timeout),
        crate::client(timeout),
    );
    let (runtime, recorder) = (crate::runtime(), Recorder::new());
    let limit = Plan::new(true).limit(key);
    let ((), kib) = peak_memory(|| {
        match key.as_str() {
            "sequential" => sequential(&agent, &urls, &recorder),
            "pool_10" | "pool_default" => thread_pool(&agent, &urls, limit, &recorder),
            _ => runtime.block_on(async_limited(&client, &urls, limit, &recorder)),
        };
    });
    println!("{{\"peak_memory_kib\": {kib}}}");
    0
}

/// Runs the variant `key` again in a child process of this binary (`memory_main`), against
/// `server`, and reads its peak memory; `None` if the child failed. The child is waited for.
pub fn memory_of(key: &str, server: &crate::Server, plan: &Plan) -> Option<u64> {
    let exe = std::env::current_exe().ok()?;
    let args = [
        "memory".to_owned(),
        key.to_owned(),
        server.base(),
        plan.pages.to_string(),
    ];
    let output = std::process::Command::new(exe).args(args).output().ok()?;
    let report: Value = serde_json::from_slice(&output.stdout).ok()?;
    report["peak_memory_kib"].as_u64()
}
