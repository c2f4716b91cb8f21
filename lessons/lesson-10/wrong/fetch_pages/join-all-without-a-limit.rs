// WRONG [unbounded]: every fetch at once with join_all, as asyncio.gather without a semaphore. => "requests at once with limit=3"
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
    let _ = limit;
    futures::future::join_all(urls.iter().map(|url| fetch_page(client, url))).await
// END
