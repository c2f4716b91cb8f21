//! The `crawl` command: `lesson-10 crawl URL --max-pages N --limit K --timeout-ms T [--json]`
//! crawls any site on this machine and prints each page (url, status or error, title, links).
//! A host that is not loopback is refused, with exit status 2, before any connection.

use std::collections::{HashSet, VecDeque};
use std::time::Duration;

use clap::Parser;
use futures::stream::{FuturesUnordered, StreamExt};
use serde_json::{Value, json};

use crate::{Client, CrawlOptions, Crawled, FetchError, Url, client, crawlable, expect_loopback};

/// Crawl a site on this machine (127.0.0.0/8, ::1, localhost), breadth first.
#[derive(Debug, Parser)]
#[command(name = "lesson-10 crawl")]
pub struct CrawlArgs {
    /// Where to start, e.g. http://127.0.0.1:8000/
    pub url: String,
    /// Fetch at most this many urls.
    #[arg(long, default_value_t = 50)]
    pub max_pages: usize,
    /// At most this many requests at once.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Give up on a request after this many milliseconds.
    #[arg(long, default_value_t = 2000)]
    pub timeout_ms: u64,
    /// One JSON object instead of lines of text.
    #[arg(long)]
    pub json: bool,
}

/// Runs the command from its arguments (the first being `crawl`); returns the exit status:
/// 0 after a crawl (whatever its pages answered), 2 for a refused or malformed url.
pub fn main(args: impl IntoIterator<Item = String>) -> i32 {
    let args = CrawlArgs::parse_from(args);
    let start = match Url::parse(&args.url) {
        Ok(url) if matches!(url.scheme(), "http" | "https") => url,
        Ok(url) => {
            return refuse(&format!(
                "{url}: only http:// and https:// urls are crawled"
            ));
        }
        Err(e) => return refuse(&format!("`{}` is not a url ({e})", args.url)),
    };
    if let Err(e) = expect_loopback(&start) {
        return refuse(&format!(
            "{e}. This lesson crawls only this machine (127.0.0.0/8, ::1, localhost): it never \
             reaches the internet"
        ));
    }
    let options = CrawlOptions {
        max_pages: args.max_pages,
        limit: args.limit.max(1),
        timeout: Duration::from_millis(args.timeout_ms.max(1)),
    };
    let crawled = crate::runtime().block_on(crawl_site(&client(options.timeout), &start, options));
    if args.json {
        println!("{}", report(&start, &crawled));
    } else {
        for page in &crawled {
            println!("{}", line(page));
        }
        let failed = crawled.iter().filter(|c| c.result.is_err()).count();
        println!("{} urls fetched, {failed} without an answer", crawled.len());
    }
    0
}

fn refuse(why: &str) -> i32 {
    eprintln!("lesson-10 crawl: refused: {why}");
    2
}

/// One fetch, given up after `timeout`; a 503 ("busy") is asked again once, 50 ms later.
async fn fetch_patiently(client: Client, url: Url, timeout: Duration) -> Crawled {
    let mut result = Err(FetchError::Timeout);
    for attempt in 0..2 {
        if attempt > 0 {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let fetch = tokio::time::timeout(timeout, crate::fetch_page(&client, &url));
        result = fetch.await.unwrap_or(Err(FetchError::Timeout));
        if !matches!(&result, Ok(page) if page.status == 503) {
            break;
        }
    }
    Crawled { url, result }
}

/// The command's crawl: breadth first from `start`, same host only, each url once, at most
/// `limit` at once (in a `FuturesUnordered` polled by this one task), at most `max_pages`.
/// Returns the fetches in the order they started.
pub async fn crawl_site(client: &Client, start: &Url, options: CrawlOptions) -> Vec<Crawled> {
    let mut start = start.clone();
    start.set_fragment(None);
    let mut seen: HashSet<Url> = [start.clone()].into();
    let mut waiting: VecDeque<Url> = [start.clone()].into();
    let mut fetching = FuturesUnordered::new();
    let mut done: Vec<(usize, Crawled)> = Vec::new();
    let mut started = 0;
    loop {
        while fetching.len() < options.limit && started < options.max_pages {
            let Some(url) = waiting.pop_front() else {
                break;
            };
            let fetch = fetch_patiently(client.clone(), url, options.timeout);
            let index = started;
            fetching.push(async move { (index, fetch.await) });
            started += 1;
        }
        let Some((index, crawled)) = fetching.next().await else {
            break;
        };
        let links = crawled
            .result
            .as_ref()
            .map_or(&[][..], |page| &page.links[..]);
        let new = links.iter().filter(|l| crawlable(&start, l));
        waiting.extend(new.filter(|l| seen.insert((*l).clone())).cloned());
        done.push((index, crawled));
    }
    done.sort_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, crawled)| crawled).collect()
}

/// `200  http://127.0.0.1:PORT/page/1  "Page 1"  5 links`, or the error in place of the status.
pub fn line(crawled: &Crawled) -> String {
    match &crawled.result {
        Ok(page) => {
            let title = page.title.as_deref().unwrap_or("(no title)");
            let moved = if page.final_url == page.url {
                String::new()
            } else {
                format!(" -> {}", page.final_url)
            };
            let links = page.links.len();
            format!(
                "{}  {}{moved}  \"{title}\"  {links} links",
                page.status, crawled.url
            )
        }
        Err(e) => format!("---  {}  {e}", crawled.url),
    }
}

/// The `--json` report: `start`, `fetched`, `failed`, and `pages`, each with `url`,
/// `final_url`, `status` (or `error`), `title`, `links` (the urls found) and `followable`
/// (how many of them the crawl may follow).
pub fn report(start: &Url, crawled: &[Crawled]) -> Value {
    let pages: Vec<Value> = crawled
        .iter()
        .map(|c| match &c.result {
            Ok(page) => json!({
                "url": c.url.as_str(),
                "final_url": page.final_url.as_str(),
                "status": page.status,
                "title": page.title,
                "links": page.links.iter().map(Url::as_str).collect::<Vec<_>>(),
                "followable": page.links.iter().filter(|l| crawlable(start, l)).count(),
            }),
            Err(e) => json!({ "url": c.url.as_str(), "error": e.to_string() }),
        })
        .collect();
    let failed = crawled.iter().filter(|c| c.result.is_err()).count();
    json!({ "start": start.as_str(), "fetched": crawled.len(), "failed": failed, "pages": pages })
}
