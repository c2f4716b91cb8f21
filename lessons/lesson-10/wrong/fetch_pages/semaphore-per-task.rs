// WRONG [unbounded]: each fetch makes its own semaphore of `limit` permits, so nothing is shared and nothing is limited. => "requests at once with limit=3"
// The reference answer (src/solutions/fetch_pages.rs) with the mistake written in:
// REPLACE
//! Exercise 10.1, the reference answer: `limit` fetches at a time, each result put back in its
//! url's place.
// WITH
//! Exercise 10.1: fetch every url.
// END
// REPLACE
    let mut results: Vec<(usize, Result<Page, FetchError>)> = stream::iter(urls.iter().enumerate())
        .map(|(index, url)| async move { (index, fetch_page(client, url).await) })
        .buffer_unordered(limit)
        .collect()
        .await;
    results.sort_by_key(|(index, _)| *index);
    results.into_iter().map(|(_, result)| result).collect()
// WITH
    let fetches = urls.iter().map(|url| async move {
        let permits = tokio::sync::Semaphore::new(limit);
        let _permit = permits.acquire().await.expect("never closed");
        fetch_page(client, url).await
    });
    futures::future::join_all(fetches).await
// END
