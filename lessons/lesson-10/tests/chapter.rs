//! Facts about the chapter's own code (these pass as shipped): how links are read and which
//! are followed, the sizes and ideals of the demonstration, keep-alive as the server counts it,
//! and `buffered` holding a finished answer's slot.

use std::time::Duration;

use futures::stream::{self, StreamExt};
use lesson_10::measure::{ideal, python_default_workers};
use lesson_10::{Server, Site, Url, crawlable, fetch_page_blocking, read_page};

fn url(text: &str) -> Url {
    Url::parse(text).unwrap()
}

#[test]
fn links_are_resolved_as_a_browser_does_and_fragments_dropped() {
    let base = url("http://127.0.0.1:8000/page/3");
    let html = r##"<html><head><title> Page 3 </title></head><body>
        <a href="4">next</a> <a href="../page/4#top">again</a> <a href="../../../x">up</a>
        <a href="#section">here</a> <a href="/page/5?sort=asc">query</a>
        <a href="mailto:a@b.c">mail</a> <a href="http://localhost:8000/">other</a>
        <a>no href</a> <p>href="/not-a-link"</p></body></html>"##;
    let (title, links) = read_page(&base, html);
    assert_eq!(title.as_deref(), Some("Page 3"));
    let links: Vec<&str> = links.iter().map(Url::as_str).collect();
    assert_eq!(
        links,
        [
            "http://127.0.0.1:8000/page/4",
            "http://127.0.0.1:8000/x",
            "http://127.0.0.1:8000/page/3",
            "http://127.0.0.1:8000/page/5?sort=asc",
            "mailto:a@b.c",
            "http://localhost:8000/",
        ]
    );
}

#[test]
fn only_http_links_on_the_same_host_and_port_are_followed() {
    let start = url("http://127.0.0.1:8000/");
    for (link, followed) in [
        ("http://127.0.0.1:8000/page/1", true),
        ("http://127.0.0.1:8000/page/1?x=1", true),
        ("http://localhost:8000/page/1", false),
        ("http://127.0.0.1:8001/page/1", false),
        ("https://127.0.0.1:8000/page/1", false),
        ("ftp://127.0.0.1/file.txt", false),
        ("mailto:someone@example.com", false),
    ] {
        assert_eq!(crawlable(&start, &url(link)), followed, "{link}");
    }
}

#[test]
fn python_default_pool_and_the_ideal() {
    assert_eq!(python_default_workers(2), 6);
    assert_eq!(python_default_workers(64), 32);
    let latency = Duration::from_millis(100);
    assert_eq!(ideal(100, latency, 1), Duration::from_secs(10));
    assert_eq!(ideal(100, latency, 10), Duration::from_secs(1));
    assert_eq!(ideal(100, latency, 6), Duration::from_millis(1700));
    assert_eq!(ideal(100, latency, 200), latency);
}

#[test]
fn one_shared_agent_keeps_its_connection_alive() {
    let server = Server::start(Site::default());
    let agent = instruments::site::blocking_agent(Duration::from_secs(10));
    for n in 1..=5 {
        let page = fetch_page_blocking(&agent, &url(&server.url(&format!("/page/{n}"))));
        assert_eq!(page.unwrap().status, 200);
    }
    let stats = server.stats();
    assert_eq!((stats.requests, stats.connections), (5, 1));
}

#[tokio::test(start_paused = true)]
async fn buffered_holds_a_finished_answers_slot_buffer_unordered_does_not() {
    let millis = [900u64, 150, 150];
    let third_start = |unordered: bool| async move {
        let started = tokio::time::Instant::now();
        let starts = std::sync::Mutex::new(Vec::new());
        let jobs = stream::iter(millis.iter().enumerate()).map(|(index, &ms)| {
            let starts = &starts;
            async move {
                starts.lock().unwrap().push((index, started.elapsed()));
                tokio::time::sleep(Duration::from_millis(ms)).await;
            }
        });
        if unordered {
            jobs.buffer_unordered(2).collect::<Vec<_>>().await;
        } else {
            jobs.buffered(2).collect::<Vec<_>>().await;
        }
        let starts = starts.into_inner().unwrap();
        starts.iter().find(|(index, _)| *index == 2).unwrap().1
    };
    assert_eq!(third_start(true).await, Duration::from_millis(150));
    assert_eq!(third_start(false).await, Duration::from_millis(900));
}
