//! The demonstration runs with `--quick` and reports what the chapter says it reports; the
//! `crawl` command crawls the lesson's own site through every case it serves, and refuses any
//! host that is not this machine.

use std::process::Command;

use instruments::site::{Server, Site};
use serde_json::Value;

const BINARY: &str = env!("CARGO_BIN_EXE_lesson-10");

#[test]
fn demo_reports_each_run_and_what_the_server_saw() {
    let report = instruments::demo::check(BINARY);
    assert_eq!(report["lesson"], "lesson-10");
    let runs = report["measurements"].as_array().unwrap();
    let keys: Vec<&str> = runs.iter().map(|m| m["key"].as_str().unwrap()).collect();
    // Python's row is there only where python3 is installed.
    assert_eq!(
        keys[..6],
        [
            "sequential",
            "pool_10",
            "pool_default",
            "async_10",
            "async_50",
            "async_200"
        ],
        "{report}"
    );
    let figure = |run: usize, key: &str| runs[run][key].as_u64().unwrap();
    // Quick: 12 pages. The server's counts are exact: one request per page; sequential with one
    // agent is one connection, one request at a time; a limit of 10 reaches 10 at once.
    for run in runs {
        assert_eq!(run["requests"], 12, "{report}");
        if run["key"] == "python_pool_10" {
            continue; // urllib: a connection per request, no memory sampled
        }
        let ratio = run["ratio_to_ideal"].as_f64().unwrap();
        assert!(ratio >= 1.0, "no run beats its ideal: {report}");
        assert!(run["peak_memory_mib"].as_f64().unwrap() > 0.0, "{report}");
    }
    assert_eq!(figure(0, "server_most_at_once"), 1);
    assert_eq!(figure(0, "connections"), 1);
    // A limit of 10 is kept; quick pages are short (15 ms), so on a busy machine a pool's
    // threads may start too far apart for all 10 to overlap: at least 2 must.
    for run in [1, 3] {
        let most = figure(run, "server_most_at_once");
        assert!((2..=10).contains(&most), "{report}");
    }
    assert!(figure(5, "server_most_at_once") <= 12);
    let derived = &report["derived"];
    assert_eq!(derived["every_run_within_its_limit"], true, "{report}");
    assert_eq!(derived["pages_ok"], 12, "{report}");
    for key in [
        "links_read",
        "pool_10_speedup_over_sequential",
        "async_10_speedup_over_sequential",
        "async_200_speedup_over_sequential",
        "async_10_time_over_pool_10",
    ] {
        assert!(derived[key].is_number(), "{key}: {report}");
    }
}

fn crawl(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(BINARY)
        .arg("crawl")
        .args(args)
        .output()
        .expect("run lesson-10 crawl");
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).expect("UTF-8 output");
    (
        output.status.code().unwrap_or(-1),
        text(output.stdout),
        text(output.stderr),
    )
}

#[test]
fn crawl_survives_every_case_within_its_limit_each_page_once() {
    let server = Server::start(Site::default());
    let start = server.url("/");
    let args = [
        &start,
        "--max-pages",
        "100",
        "--limit",
        "4",
        "--timeout-ms",
        "800",
        "--json",
    ];
    let (status, out, err) = crawl(&args);
    assert_eq!(status, 0, "{err}");
    let report: Value = serde_json::from_str(&out).expect("one JSON object");
    let pages = report["pages"].as_array().unwrap();
    let page = |path: &str| {
        let url = server.url(path);
        let found = pages.iter().find(|p| p["url"] == url.as_str());
        found.unwrap_or_else(|| panic!("{url} not crawled: {report}"))
    };
    // /, 30 pages, /page/5?sort=asc and 6 special pages (not /elsewhere: another host).
    assert_eq!(report["fetched"], 38, "{report}");
    assert_eq!(page("/never")["error"], "timed out");
    assert_eq!(report["failed"], 1, "{report}");
    assert_eq!(page("/missing")["status"], 404);
    assert_eq!(page("/flaky")["status"], 200, "a 503 is asked again once");
    assert_eq!(page("/moved")["final_url"], server.url("/landing").as_str());
    assert_eq!(page("/latin1")["title"], "Caf\u{fffd} cr\u{fffd}me");
    assert_eq!(page("/caf%C3%A9")["title"], "Café");
    assert_eq!(page("/page/5?sort=asc")["status"], 200);
    assert_eq!(page("/")["followable"], 12, "{}", page("/"));
    let log = server.log();
    let host = server.addr().to_string();
    assert!(log.iter().all(|r| r.host == host), "another host: {log:?}");
    let mut paths: Vec<&str> = log.iter().map(|r| r.path.as_str()).collect();
    paths.sort_unstable();
    let before = paths.len();
    paths.dedup();
    // /flaky twice (503, then 200); every other path once.
    assert_eq!(before, paths.len() + 1, "{paths:?}");
    assert!(
        server.stats().max_in_flight <= 4 + 1,
        "{:?}",
        server.stats()
    );
    let answered: Vec<_> = log.into_iter().filter(|r| r.status.is_some()).collect();
    assert!(instruments::site::most_at_once(&answered) <= 4);
}

#[test]
fn crawl_prints_a_line_per_page() {
    let server = Server::start(Site::default());
    let start = server.url("/page/1#top");
    let (status, out, err) = crawl(&[&start, "--max-pages", "3", "--limit", "2"]);
    assert_eq!(status, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    let first = format!("200  {}  \"Page 1\"  4 links", server.url("/page/1"));
    assert_eq!(lines[0], first, "{out}");
    assert_eq!(lines[3], "3 urls fetched, 0 without an answer");
}

#[test]
fn crawl_refuses_anything_but_this_machine_before_connecting() {
    for url in [
        "http://example.com/",
        "https://10.0.0.1:8080/",
        "http://127.0.0.1.example.com/",
        "http://[2001:db8::1]/",
    ] {
        let (status, out, err) = crawl(&[url]);
        assert_eq!(status, 2, "{url}: {out}{err}");
        assert!(
            err.contains("refused") && err.contains("not this machine"),
            "{url}: {err}"
        );
        assert!(out.is_empty(), "{url}: {out}");
    }
    for url in ["ftp://127.0.0.1/", "not a url"] {
        let (status, _, err) = crawl(&[url]);
        assert_eq!(status, 2, "{url}: {err}");
        assert!(err.contains("refused"), "{url}: {err}");
    }
    // Loopback in every spelling is accepted; nothing listens on port 9: one failed fetch.
    for url in [
        "http://localhost:9/",
        "http://127.0.0.2:9/",
        "http://[::1]:9/",
    ] {
        let (status, out, err) = crawl(&[url, "--timeout-ms", "2000"]);
        assert_eq!(status, 0, "{url}: {err}");
        assert!(
            out.contains("1 urls fetched, 1 without an answer"),
            "{url}: {out}"
        );
    }
}
