//! Lesson 10: web scraping over real HTTP, on this machine.
//!
//! A real server ([`instruments::site::Server`], axum on 127.0.0.1) serves a generated site;
//! two real clients fetch from it: a blocking one ([`fetch_page_blocking`], one `ureq` agent
//! shared by a thread pool) and an async one ([`fetch_page`], one `reqwest::Client`). Links
//! are read with a real HTML parser ([`read_page`], `scraper`), never a regex. [`measure`]
//! runs the tutorials' thread pool against async with limits; [`crawler`] is the `crawl`
//! command; the exercises write `fetch_pages` (10.1) and `crawl` (10.2).

use std::time::Duration;

pub use instruments::site::{self, Server, Site};
pub use reqwest::{Client, Url};

pub mod crawler;
pub mod measure;

#[cfg(not(feature = "solutions"))]
pub mod exercises;
#[cfg(feature = "solutions")]
#[path = "solutions/mod.rs"]
pub mod exercises;

/// A fetched page: what the server answered, and what the HTML parser read in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The url asked for.
    pub url: Url,
    /// Where the answer came from after redirects (`/moved` ends at `/landing`).
    pub final_url: Url,
    /// The HTTP status: 200, or 404, 503, ... (an answer, not an error).
    pub status: u16,
    /// The text of `<title>`, if any.
    pub title: Option<String>,
    /// Every `<a href>`, resolved against the page's url, without its `#fragment`, once each,
    /// in the order they appear: other hosts and schemes included (see [`crawlable`]).
    pub links: Vec<Url>,
}

/// Why a url has no page: the request never got an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// No answer within the timeout.
    Timeout,
    /// Not a loopback host: this lesson never reaches the internet.
    NotLoopback(String),
    /// The connection failed, or the answer was cut (the error's text).
    Failed(String),
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FetchError::Timeout => write!(f, "timed out"),
            FetchError::NotLoopback(host) => write!(f, "refused: {host} is not this machine"),
            FetchError::Failed(why) => write!(f, "failed: {why}"),
        }
    }
}

impl std::error::Error for FetchError {}

/// Reads a page's title and links with a real HTML parser (`scraper`, built on html5ever, the
/// parser of browsers), resolving each `href` against `base` as a browser does (`..`, `./`,
/// absolute paths, other hosts) and dropping fragments (`/page/3#intro` is `/page/3`).
pub fn read_page(base: &Url, html: &str) -> (Option<String>, Vec<Url>) {
    // ANCHOR: read_page
    let document = scraper::Html::parse_document(html);
    let title = scraper::Selector::parse("title").expect("a valid selector");
    let anchors = scraper::Selector::parse("a[href]").expect("a valid selector");
    let title = document
        .select(&title)
        .next()
        .map(|t| t.text().collect::<String>().trim().to_owned());
    let mut links: Vec<Url> = Vec::new();
    for href in document.select(&anchors).filter_map(|a| a.attr("href")) {
        if let Ok(mut link) = base.join(href) {
            link.set_fragment(None);
            if !links.contains(&link) {
                links.push(link);
            }
        }
    }
    // ANCHOR_END: read_page
    (title, links)
}

/// Whether `link` is worth fetching in a crawl from `start`: HTTP(S) on the same host and
/// port (`mailto:`, `ftp:`, `javascript:` and other hosts are not followed).
pub fn crawlable(start: &Url, link: &Url) -> bool {
    matches!(link.scheme(), "http" | "https")
        && link.scheme() == start.scheme()
        && link.host_str() == start.host_str()
        && link.port_or_known_default() == start.port_or_known_default()
}

/// `Ok` if `url` is on this machine (`localhost`, `127.0.0.0/8`, `::1`), before any connection.
pub fn expect_loopback(url: &Url) -> Result<(), FetchError> {
    let host = url.host_str().unwrap_or("");
    if site::is_loopback_host(host) {
        Ok(())
    } else {
        Err(FetchError::NotLoopback(host.to_owned()))
    }
}

fn page(url: &Url, final_url: Url, status: u16, body: &[u8]) -> Page {
    // Not every page is UTF-8 (`/latin1` is ISO-8859-1): undecodable bytes become `�`.
    let (title, links) = read_page(&final_url, &String::from_utf8_lossy(body));
    Page {
        url: url.clone(),
        final_url,
        status,
        title,
        links,
    }
}

fn failed(e: reqwest::Error) -> FetchError {
    if e.is_timeout() {
        FetchError::Timeout
    } else {
        FetchError::Failed(e.to_string())
    }
}

/// Fetches and reads one page with the shared async client (its timeout applies), following
/// redirects. A 404 is a page with status 404; no answer at all is a [`FetchError`].
pub async fn fetch_page(client: &Client, url: &Url) -> Result<Page, FetchError> {
    // ANCHOR: fetch_page
    expect_loopback(url)?;
    let response = client.get(url.clone()).send().await.map_err(failed)?;
    let (status, final_url) = (response.status().as_u16(), response.url().clone());
    let body = response.bytes().await.map_err(failed)?;
    Ok(page(url, final_url, status, &body))
    // ANCHOR_END: fetch_page
}

/// [`fetch_page`] with the shared blocking client (one `ureq::Agent` for every thread).
pub fn fetch_page_blocking(agent: &ureq::Agent, url: &Url) -> Result<Page, FetchError> {
    use ureq::ResponseExt as _;
    expect_loopback(url)?;
    let blocking_failed = |e: ureq::Error| match e {
        ureq::Error::Timeout(_) => FetchError::Timeout,
        e => FetchError::Failed(e.to_string()),
    };
    let mut response = agent.get(url.as_str()).call().map_err(blocking_failed)?;
    let final_url = Url::parse(&response.get_uri().to_string()).unwrap_or_else(|_| url.clone());
    let status = response.status().as_u16();
    let body = response.body_mut().read_to_vec().map_err(blocking_failed)?;
    Ok(page(url, final_url, status, &body))
}

/// The shared async client with this timeout per request.
pub fn client(timeout: Duration) -> Client {
    site::async_client(timeout)
}

/// What a crawl may do: how many pages at most, how many requests at once, and how long one
/// request may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CrawlOptions {
    /// The page budget: fetch at most this many urls (the start page included).
    pub max_pages: usize,
    /// The most requests in flight at once (at least 1).
    pub limit: usize,
    /// How long one request may take before it is reported as [`FetchError::Timeout`].
    pub timeout: Duration,
}

/// One url a crawl fetched, and what came of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crawled {
    /// The url (without fragment).
    pub url: Url,
    /// Its page, or why there is none.
    pub result: Result<Page, FetchError>,
}

/// A tokio runtime on this thread alone, as asyncio's event loop is.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime")
}
