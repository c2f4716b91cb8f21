//! Exercise 10.2: crawl a site breadth first, each page once, within a limit and a budget.

use crate::{Client, CrawlOptions, Crawled, Url};
#[allow(unused_imports)] // you will need them
use crate::{FetchError, crawlable, fetch_page};

/// Exercise 10.2: fetches `start`, then the pages it links to, then the pages those link to
/// (breadth first: in the order the links were found), following only [`crawlable`] links (the
/// same host; no `mailto:`), each url once, at most `options.limit` requests at once, at most
/// `options.max_pages` urls in all, each request given up after `options.timeout` (reported as
/// [`FetchError::Timeout`], and the crawl goes on). Returns one [`Crawled`] for each url
/// fetched.
///
/// Hint: keep everything the crawl knows (a `HashSet` of urls seen, a `VecDeque` queue, the
/// results) in this one function, and the fetches in a `tokio::task::JoinSet`: while fewer than
/// `limit` run and the budget allows, pop the queue's front and spawn its fetch (inside
/// `tokio::time::timeout`); then `join_next().await` one, and queue its new links. Mark a link
/// seen when you queue it, not when it is fetched. When `join_next` gives `None`, you are done.
pub async fn crawl(client: &Client, start: &Url, options: CrawlOptions) -> Vec<Crawled> {
    // TODO: a queue, a seen set, a JoinSet of at most `options.limit` fetches.
    let _ = (client, start, options);
    todo!(
        "exercise 10.2 `crawl` (lessons/lesson-10/src/exercises/crawl.rs): breadth first, same \
         host, each page once, at most `limit` at once, at most `max_pages`"
    )
}
