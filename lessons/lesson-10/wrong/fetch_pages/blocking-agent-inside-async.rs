// WRONG [blocking-async]: each future fetches with the blocking ureq agent (`fetch_page_blocking`), which holds the runtime's thread for the whole request, so the `limit` futures take turns. => "but at most 1 were"
// The reference answer (src/solutions/fetch_pages.rs) with the mistake written in:
// REPLACE
use crate::{Client, FetchError, Page, Url, fetch_page};
// WITH
use crate::{Client, FetchError, Page, Url, fetch_page_blocking};
// END
// REPLACE
    let mut results: Vec<(usize, Result<Page, FetchError>)> = stream::iter(urls.iter().enumerate())
        .map(|(index, url)| async move { (index, fetch_page(client, url).await) })
// WITH
    let _ = client;
    // Deliberately wrong: a blocking client inside async code ("it works in requests").
    let agent = instruments::site::blocking_agent(std::time::Duration::from_secs(10));
    let agent = &agent;
    let mut results: Vec<(usize, Result<Page, FetchError>)> = stream::iter(urls.iter().enumerate())
        .map(|(index, url)| async move { (index, fetch_page_blocking(agent, url)) })
// END
