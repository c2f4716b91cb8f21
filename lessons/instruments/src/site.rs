//! A real HTTP server on loopback serving a generated site, with the counters that prove how a
//! client is concurrent, and the two real clients the lessons share.
//!
//! [`Server::start`] binds `127.0.0.1` on a free port, serves from a thread of its own (its own
//! tokio runtime, so it starts the same from sync and async code), and stops on drop: the
//! runtime is shut down and the thread joined. What it serves (see [`Site`]):
//!
//! - `/` and `/page/1` ... `/page/N`: pages that link to each other (relative, absolute, `..`,
//!   fragments, a query string, cycles back to `/`), each after the site's latency; every
//!   `slow_every`-th page after `slow_latency`;
//! - the cases real sites have: `/missing` (404), `/flaky` (503 on its first request, 200 on the
//!   next), `/never` (answers only after `never`, far past any client's timeout), `/moved`
//!   (302 to `/landing`), `/latin1` (an ISO-8859-1 page, not UTF-8), `/caf%C3%A9` (a non-ASCII
//!   path), links to other hosts (`localhost`, `example.com`) and schemes (`mailto:`, `ftp:`);
//! - for other lessons: `/delay/MS` (a small page after MS milliseconds) and `/data/ID?ms=MS&bytes=B`
//!   (B bytes of text generated from ID, the same every time, after MS milliseconds).
//!
//! The server counts ([`Server::stats`]): requests, requests in flight now and at most,
//! connections accepted (so keep-alive shows), and logs every request ([`Server::log`]: path,
//! host, connection, start, end, status). [`Server::reset`] starts a new measurement.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::connect_info::Connected;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::Response;
use axum::serve::{IncomingStream, Listener};

/// What the generated site looks like and how slowly it answers.
#[derive(Debug, Clone)]
pub struct Site {
    /// How many `/page/N` pages (1 to `pages`).
    pub pages: usize,
    /// How long each page takes before it answers.
    pub latency: Duration,
    /// Every `slow_every`-th page (`/page/10`, `/page/20`, ... for 10) takes `slow_latency`;
    /// 0 for none.
    pub slow_every: usize,
    /// The latency of the slow pages.
    pub slow_latency: Duration,
    /// How long `/never` keeps its client waiting (bounded, so the server's work ends).
    pub never: Duration,
}

impl Default for Site {
    /// 30 pages of 50 ms, every 10th of 300 ms, `/never` answering after 60 s.
    fn default() -> Self {
        Site {
            pages: 30,
            latency: Duration::from_millis(50),
            slow_every: 10,
            slow_latency: Duration::from_millis(300),
            never: Duration::from_secs(60),
        }
    }
}

/// The server's counters since it started or since the last [`Server::reset`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    /// Requests that reached a handler.
    pub requests: u64,
    /// Requests being handled now.
    pub in_flight: u64,
    /// The most requests handled at the same time.
    pub max_in_flight: u64,
    /// TCP connections accepted (fewer than `requests` when clients keep connections alive).
    pub connections: u64,
}

/// One request as the server saw it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Request {
    /// The path and query as requested (`/page/3?ref=home`), percent-encoding as sent.
    pub path: String,
    /// The `Host` header (`127.0.0.1:PORT`, or `localhost:PORT` for a link to another host).
    pub host: String,
    /// Which accepted connection it came on (1, 2, ... in the order they were accepted).
    pub connection: u64,
    /// When the handler started, since the server started.
    pub start: Duration,
    /// When the handler ended (answered, or was dropped because the client went away).
    pub end: Option<Duration>,
    /// The status sent; `None` while in flight or when the client went away first.
    pub status: Option<u16>,
}

impl Request {
    /// The path without its query string.
    pub fn path_only(&self) -> &str {
        self.path.split('?').next().unwrap_or(&self.path)
    }
}

/// The most requests in `log` whose handlers ran at the same time, from their start and end
/// (a request still in flight counts until now).
pub fn most_at_once(log: &[Request]) -> usize {
    let mut edges: Vec<(Duration, i32)> = Vec::with_capacity(log.len() * 2);
    for r in log {
        edges.push((r.start, 1));
        edges.push((r.end.unwrap_or(Duration::MAX), -1));
    }
    edges.sort(); // at the same instant an end (-1) comes before a start (+1)
    let (mut now, mut most) = (0i32, 0i32);
    for (_, step) in edges {
        now += step;
        most = most.max(now);
    }
    most as usize
}

#[derive(Default)]
struct Counters {
    stats: Stats,
    log: Vec<Request>,
    hits: HashMap<String, u64>,
    /// How many resets so far: a request started before a reset is not in the log any more.
    epoch: u64,
}

struct Shared {
    site: Site,
    origin: Instant,
    counters: Mutex<Counters>,
    next_connection: AtomicU64,
}

impl Shared {
    fn counters(&self) -> std::sync::MutexGuard<'_, Counters> {
        self.counters.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A running server; dropping it stops the server and joins its thread.
pub struct Server {
    addr: SocketAddr,
    shared: Arc<Shared>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Starts serving `site` on `127.0.0.1` at a free port, from a thread of its own; returns
    /// once the port is bound. Works from sync code and from inside a tokio runtime alike.
    pub fn start(site: Site) -> Server {
        let shared = Arc::new(Shared {
            site,
            origin: Instant::now(),
            counters: Mutex::new(Counters::default()),
            next_connection: AtomicU64::new(0),
        });
        let (bound_tx, bound_rx) = std::sync::mpsc::channel();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let state = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("site-server".into())
            .spawn(move || serve(state, bound_tx, stopped))
            .expect("start the site's server thread");
        let addr = bound_rx
            .recv()
            .expect("the site's server thread ended before binding")
            .expect("bind 127.0.0.1 at a free port");
        Server {
            addr,
            shared,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    /// The server's address (`127.0.0.1:PORT`).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn base(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The absolute url of `path` (`"/page/1"` gives `http://127.0.0.1:PORT/page/1`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base())
    }

    /// The url of a page that answers after `latency` (`/delay/MS`).
    pub fn delay_url(&self, latency: Duration) -> String {
        self.url(&format!("/delay/{}", latency.as_millis()))
    }

    /// The url of data page `id`: `bytes` bytes of text generated from `id` (the same every
    /// time, see [`data_text`]), after `latency`.
    pub fn data_url(&self, id: usize, latency: Duration, bytes: usize) -> String {
        let ms = latency.as_millis();
        self.url(&format!("/data/{id}?ms={ms}&bytes={bytes}"))
    }

    /// The moment a [`Request`]'s `start` and `end` count from: `origin() + request.start` is
    /// when its handler started, on the clock of `Instant::now()`.
    pub fn origin(&self) -> Instant {
        self.shared.origin
    }

    /// The site it serves.
    pub fn site(&self) -> &Site {
        &self.shared.site
    }

    /// The counters since the start or the last [`reset`](Server::reset).
    pub fn stats(&self) -> Stats {
        self.shared.counters().stats
    }

    /// Every request since the start or the last reset, in the order they started.
    pub fn log(&self) -> Vec<Request> {
        self.shared.counters().log.clone()
    }

    /// Starts a new measurement: zeroes the counters (the most in flight restarts from the
    /// requests in flight now), empties the log, and `/flaky` fails its next request again.
    /// Connections kept alive from before are not counted again.
    pub fn reset(&self) {
        let mut c = self.shared.counters();
        let in_flight = c.stats.in_flight;
        c.stats = Stats {
            in_flight,
            max_in_flight: in_flight,
            ..Stats::default()
        };
        c.log.clear();
        c.hits.clear();
        c.epoch += 1;
    }

    /// Time since the server started (the clock of [`Request::start`] and `end`).
    pub fn elapsed(&self) -> Duration {
        self.shared.origin.elapsed()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server").field("addr", &self.addr).finish()
    }
}

fn serve(
    shared: Arc<Shared>,
    bound: std::sync::mpsc::Sender<std::io::Result<SocketAddr>>,
    stopped: tokio::sync::oneshot::Receiver<()>,
) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("site-worker")
        .enable_all()
        .build()
        .expect("build the site's runtime");
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(("127.0.0.1", 0)).await {
            Ok(listener) => listener,
            Err(e) => return drop(bound.send(Err(e))),
        };
        let _ = bound.send(listener.local_addr());
        let app = Router::new()
            .fallback(handle)
            .with_state(Arc::clone(&shared));
        let listener = Counting { listener, shared };
        let service = app.into_make_service_with_connect_info::<Connection>();
        tokio::select! {
            _ = axum::serve(listener, service).into_future() => {}
            _ = stopped => {}
        }
    });
    // Dropping the connections' tasks, `/never` among them, ends every request at once.
    runtime.shutdown_timeout(Duration::from_secs(1));
}

/// The listener: numbers the connections it accepts.
struct Counting {
    listener: tokio::net::TcpListener,
    shared: Arc<Shared>,
}

/// Which connection a request came on.
#[derive(Debug, Clone, Copy)]
struct Connection(u64);

impl Listener for Counting {
    type Io = tokio::net::TcpStream;
    type Addr = Connection;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            match self.listener.accept().await {
                Ok((stream, _)) => {
                    let _ = stream.set_nodelay(true);
                    let id = self.shared.next_connection.fetch_add(1, Ordering::Relaxed) + 1;
                    self.shared.counters().stats.connections += 1;
                    return (stream, Connection(id));
                }
                // Out of file descriptors, for example: wait a little, as axum does.
                Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
            }
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        Ok(Connection(0))
    }
}

impl Connected<IncomingStream<'_, Counting>> for Connection {
    fn connect_info(stream: IncomingStream<'_, Counting>) -> Self {
        *stream.remote_addr()
    }
}

/// Counts a request in flight until dropped, answered or not, and logs its end.
struct InFlight {
    shared: Arc<Shared>,
    index: usize,
    epoch: u64,
    status: Option<u16>,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        let end = self.shared.origin.elapsed();
        let mut c = self.shared.counters();
        c.stats.in_flight = c.stats.in_flight.saturating_sub(1);
        // A reset since the start emptied the log: this request is not in it any more.
        if c.epoch == self.epoch {
            if let Some(r) = c.log.get_mut(self.index) {
                r.end = Some(end);
                r.status = self.status;
            }
        }
    }
}

async fn handle(
    State(shared): State<Arc<Shared>>,
    ConnectInfo(Connection(connection)): ConnectInfo<Connection>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let path = uri
        .path_and_query()
        .map_or_else(|| uri.path().to_string(), |p| p.as_str().to_string());
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("")
        .to_string();
    let (mut guard, hit) = {
        let mut c = shared.counters();
        c.stats.requests += 1;
        c.stats.in_flight += 1;
        c.stats.max_in_flight = c.stats.max_in_flight.max(c.stats.in_flight);
        let hit = c.hits.entry(uri.path().to_string()).or_insert(0);
        *hit += 1;
        let hit = *hit;
        let index = c.log.len();
        c.log.push(Request {
            path,
            host: host.clone(),
            connection,
            start: shared.origin.elapsed(),
            end: None,
            status: None,
        });
        let guard = InFlight {
            shared: Arc::clone(&shared),
            index,
            epoch: c.epoch,
            status: None,
        };
        (guard, hit)
    };
    let answer = respond(&shared.site, &uri, &host, hit);
    tokio::time::sleep(answer.latency).await;
    guard.status = Some(answer.status.as_u16());
    drop(guard);
    let mut response = Response::new(Body::from(answer.body));
    *response.status_mut() = answer.status;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        answer.content_type.parse().expect("a header value"),
    );
    if let Some(location) = answer.location {
        headers.insert(header::LOCATION, location.parse().expect("a header value"));
    }
    response
}

struct Answer {
    status: StatusCode,
    latency: Duration,
    body: Vec<u8>,
    content_type: &'static str,
    location: Option<String>,
}

const HTML: &str = "text/html; charset=utf-8";

fn html(status: StatusCode, latency: Duration, title: &str, links: &[String]) -> Answer {
    let items: String = links
        .iter()
        .map(|href| format!("  <li><a href=\"{href}\">{href}</a></li>\n"))
        .collect();
    let body = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title></head>\n\
         <body id=\"top\"><h1>{title}</h1>\n<ul>\n{items}</ul></body></html>\n"
    );
    Answer {
        status,
        latency,
        body: body.into_bytes(),
        content_type: HTML,
        location: None,
    }
}

/// The links on the home page, `host` being `127.0.0.1:PORT` (every case a crawler meets).
fn home_links(host: &str) -> Vec<String> {
    let port = host.rsplit(':').next().unwrap_or("80");
    [
        "page/1",                                      // relative
        "/page/2",                                     // absolute path
        "./page/3#intro",                              // relative, with a fragment
        &format!("http://{host}/page/4"),              // absolute url, this host
        "#top",                                        // this page
        "/page/5?sort=asc",                            // a query string
        "/missing",                                    // 404
        "/flaky",                                      // 503, then 200 on a retry
        "/never",                                      // answers after the client gave up
        "/moved",                                      // 302 to /landing
        "/latin1",                                     // not UTF-8
        "/café",                                       // a non-ASCII path
        &format!("http://localhost:{port}/elsewhere"), // another host (on loopback)
        "https://example.com/",                        // another host and scheme
        "mailto:someone@example.com",                  // another scheme
        "ftp://127.0.0.1/file.txt",                    // another scheme, this host
        "javascript:void(0)",                          // not a link at all
    ]
    .map(String::from)
    .to_vec()
}

fn respond(site: &Site, uri: &Uri, host: &str, hit: u64) -> Answer {
    let ok = StatusCode::OK;
    let path = uri.path();
    let query = uri.query().unwrap_or("");
    let page_latency = |n: usize| {
        if site.slow_every > 0 && n % site.slow_every == 0 {
            site.slow_latency
        } else {
            site.latency
        }
    };
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match parts.as_slice() {
        [""] => html(ok, site.latency, "Home", &home_links(host)),
        ["page", n] => match n.parse::<usize>() {
            Ok(n) if (1..=site.pages).contains(&n) => {
                let mut links = vec![format!("../page/{}", n % site.pages + 1)];
                if 2 * n <= site.pages {
                    links.push(format!("{}", 2 * n)); // relative: /page/N -> /page/2N
                }
                links.push("/".into()); // a cycle
                links.push(format!("/page/{n}#section")); // itself
                links.push(format!("../../page/{}", (n * 7) % site.pages + 1)); // .. past /
                let title = format!("Page {n}");
                html(ok, page_latency(n), &title, &links)
            }
            _ => not_found(site),
        },
        ["flaky"] if hit % 2 == 1 => Answer {
            status: StatusCode::SERVICE_UNAVAILABLE,
            body: b"busy, try again\n".to_vec(),
            content_type: "text/plain",
            ..html(ok, site.latency, "", &[])
        },
        ["flaky"] => html(ok, site.latency, "Flaky", &["/page/1".into()]),
        ["never"] => Answer {
            status: StatusCode::GATEWAY_TIMEOUT,
            ..html(ok, site.never, "Too late", &[])
        },
        ["moved"] => Answer {
            status: StatusCode::FOUND,
            location: Some("/landing".into()),
            ..html(ok, site.latency, "Moved", &[])
        },
        ["landing"] => html(ok, site.latency, "Landing", &["/".into(), "/page/1".into()]),
        ["latin1"] => {
            let body = b"<html><head><title>Caf\xe9 cr\xe8me</title></head><body>\
                <p>\xc0 la carte</p><a href=\"/page/1\">un</a></body></html>\n";
            Answer {
                body: body.to_vec(),
                content_type: "text/html; charset=iso-8859-1",
                ..html(ok, site.latency, "", &[])
            }
        }
        ["caf%C3%A9"] => html(ok, site.latency, "Café", &["/".into(), "../page/2".into()]),
        ["elsewhere"] => html(ok, site.latency, "Elsewhere", &["/".into()]),
        ["delay", ms] => match ms.parse::<u64>() {
            Ok(ms) => Answer {
                body: format!("waited {ms} ms\n").into_bytes(),
                content_type: "text/plain; charset=utf-8",
                ..html(ok, Duration::from_millis(ms), "", &[])
            },
            Err(_) => not_found(site),
        },
        ["data", id] => match id.parse::<usize>() {
            Ok(id) => {
                let param = |name: &str, default: u64| {
                    query
                        .split('&')
                        .filter_map(|kv| kv.split_once('='))
                        .find(|(k, _)| *k == name)
                        .and_then(|(_, v)| v.parse().ok())
                        .unwrap_or(default)
                };
                let latency = Duration::from_millis(param("ms", 0));
                let bytes = param("bytes", 4096) as usize;
                Answer {
                    body: data_text(id, bytes).into_bytes(),
                    content_type: "text/plain; charset=utf-8",
                    ..html(ok, latency, "", &[])
                }
            }
            Err(_) => not_found(site),
        },
        _ => not_found(site),
    }
}

fn not_found(site: &Site) -> Answer {
    let links = ["/".to_string()];
    html(StatusCode::NOT_FOUND, site.latency, "Not found", &links)
}

/// The text of data page `id`: `bytes` bytes of lowercase words separated by spaces and
/// newlines, generated from `id` (the same for the same arguments, different for each id).
pub fn data_text(id: usize, bytes: usize) -> String {
    const WORDS: [&str; 16] = [
        "thread", "task", "lock", "queue", "future", "await", "pool", "core", "page", "link",
        "fetch", "crawl", "latency", "socket", "server", "client",
    ];
    let mut state = (id as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
    let mut text = String::with_capacity(bytes + 16);
    let mut line = 0;
    while text.len() < bytes {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let word = WORDS[(state % WORDS.len() as u64) as usize];
        text.push_str(word);
        line += 1;
        text.push(if line % 12 == 0 { '\n' } else { ' ' });
    }
    text.truncate(bytes);
    text
}

/// The blocking client the lessons share: one `ureq` agent (share it between threads; it keeps
/// connections alive, up to 100 idle), every request bounded by `timeout`, statuses such as 404
/// and 503 returned as responses rather than errors, redirects followed.
pub fn blocking_agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .max_idle_connections(100)
        .max_idle_connections_per_host(100)
        .build()
        .into()
}

/// The async client the lessons share: one `reqwest::Client` (clone it freely: clones share
/// one pool of kept-alive connections), every request bounded by `timeout`, redirects followed.
pub fn async_client(timeout: Duration) -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(timeout)
        .connect_timeout(timeout)
        .build()
        .expect("build the async HTTP client (plain HTTP, no TLS)")
}

/// Whether `host` is this machine: `localhost`, an address in `127.0.0.0/8`, or `::1`
/// (with or without brackets). Lessons refuse to fetch anything else.
pub fn is_loopback_host(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quick_site() -> Site {
        Site {
            pages: 12,
            latency: Duration::from_millis(5),
            slow_every: 5,
            slow_latency: Duration::from_millis(50),
            never: Duration::from_secs(30),
        }
    }

    #[test]
    fn serves_counts_and_stops() {
        let server = Server::start(quick_site());
        let agent = blocking_agent(Duration::from_secs(5));
        let get = |path: &str| {
            let mut r = agent.get(&server.url(path)).call().expect("an answer");
            let body = r.body_mut().read_to_vec().expect("a body");
            (r.status().as_u16(), body)
        };
        let (status, body) = get("/");
        assert_eq!(status, 200);
        assert!(String::from_utf8_lossy(&body).contains("page/1"));
        assert_eq!(get("/missing").0, 404);
        assert_eq!(get("/flaky").0, 503);
        assert_eq!(get("/flaky").0, 200);
        assert_eq!(get("/moved").0, 200, "redirect followed to /landing");
        assert_eq!(get("/caf%C3%A9").0, 200);
        assert!(std::str::from_utf8(&get("/latin1").1).is_err());
        assert_eq!(
            get("/data/3?ms=1&bytes=100").1,
            data_text(3, 100).into_bytes()
        );
        let stats = server.stats();
        assert_eq!(stats.requests, 9, "{:?}", server.log());
        assert_eq!(stats.connections, 1, "one agent keeps its connection alive");
        assert_eq!(stats.in_flight, 0);
        assert!(
            server
                .log()
                .iter()
                .all(|r| r.connection == 1 && r.end.is_some())
        );
        server.reset();
        assert_eq!(server.stats().requests, 0);
        assert_eq!(get("/flaky").0, 503, "a reset makes /flaky fail again");
    }

    #[test]
    fn a_client_that_gives_up_ends_the_request_and_drop_stops_never() {
        let server = Server::start(quick_site());
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let client = async_client(Duration::from_millis(800));
        let answers = runtime.block_on(async {
            let urls = ["/never", "/delay/200", "/delay/250"].map(|p| server.url(p));
            let tasks = urls.map(|u| tokio::spawn(client.get(u).send()));
            let mut answers = Vec::new();
            for task in tasks {
                answers.push(task.await.expect("no panic"));
            }
            answers
        });
        assert!(answers[0].as_ref().is_err_and(|e| e.is_timeout()));
        assert!(answers[1].is_ok() && answers[2].is_ok());
        assert_eq!(server.stats().max_in_flight, 3);
        assert_eq!(most_at_once(&server.log()), 3);
        std::thread::sleep(Duration::from_millis(200));
        assert_eq!(server.stats().in_flight, 0, "{:?}", server.log());
        let started = Instant::now();
        drop(server);
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "drop ends /never"
        );
    }
}
