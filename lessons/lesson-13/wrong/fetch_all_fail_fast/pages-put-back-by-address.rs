// WRONG [order]: the pages are put back in the order of the links through a map by address (Python's `{page.address: page}` then `[pages[l] for l in links]`): a link given twice finds its page taken the second time. => "a_link_twice_is_two_pages"
//! Exercise 13.1: a wrong answer from the catalogue (its first line says what is wrong).

use crate::fetch;
use crate::{FetchError, Link, Page};
use std::collections::HashMap;
use tokio::task::JoinSet;
pub async fn fetch_all_fail_fast(links: Vec<Link>) -> Result<Vec<Page>, FetchError> {
    let mut tasks = JoinSet::new();
    for link in links.iter().cloned() {
        tasks.spawn(async move { fetch(&link).await });
    }
    // like a dict {address: page}, then [results[l] for l in links]
    let mut by_address: HashMap<String, Page> = HashMap::new();
    while let Some(done) = tasks.join_next().await {
        let page = done.expect("a fetch task panicked")?;
        by_address.insert(page.address.clone(), page);
    }
    Ok(links
        .iter()
        .map(|l| by_address.remove(l.address()).expect("every page"))
        .collect())
}
