//! Exercise 10.2, the reference answer: one function owns the queue and the seen set; the
//! fetches run in a `JoinSet`, at most `limit` at a time.

use std::collections::{HashSet, VecDeque};

use tokio::task::JoinSet;

use crate::{Client, CrawlOptions, Crawled, FetchError, Url, crawlable, fetch_page};

/// Exercise 10.2: breadth first, same host, each url once, within the limit and the budget.
pub async fn crawl(client: &Client, start: &Url, options: CrawlOptions) -> Vec<Crawled> {
    // ANCHOR: crawl
    let mut start = start.clone();
    start.set_fragment(None);
    let mut seen = HashSet::from([start.clone()]);
    let mut queue = VecDeque::from([start.clone()]);
    let mut running = JoinSet::new();
    let mut crawled: Vec<Option<Crawled>> = Vec::new();
    loop {
        // Start fetches while the limit and the budget allow, oldest link first.
        while running.len() < options.limit && crawled.len() < options.max_pages {
            let Some(url) = queue.pop_front() else { break };
            let (client, index) = (client.clone(), crawled.len());
            crawled.push(None);
            running.spawn(async move {
                let fetch = tokio::time::timeout(options.timeout, fetch_page(&client, &url));
                let result = fetch.await.unwrap_or(Err(FetchError::Timeout));
                (index, Crawled { url, result })
            });
        }
        // Wait for one fetch; none left running means the crawl is over.
        let Some(done) = running.join_next().await else {
            break;
        };
        let (index, fetched) = done.expect("a fetch task panicked");
        if let Ok(page) = &fetched.result {
            for link in &page.links {
                // Checked and marked in one step, with no await between: never queued twice.
                if crawlable(&start, link) && seen.insert(link.clone()) {
                    queue.push_back(link.clone());
                }
            }
        }
        crawled[index] = Some(fetched);
    }
    crawled.into_iter().flatten().collect()
    // ANCHOR_END: crawl
}
