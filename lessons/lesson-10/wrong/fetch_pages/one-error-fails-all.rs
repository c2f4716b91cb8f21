// WRONG [first-error]: the first error (a timeout) becomes every url's result, as asyncio.gather without return_exceptions. => "do not stop or fail the whole call"
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
    use futures::TryStreamExt as _;
    let fetches = stream::iter(urls.iter().enumerate())
        .map(|(index, url)| async move { fetch_page(client, url).await.map(|page| (index, page)) })
        .buffer_unordered(limit);
    match fetches.try_collect::<Vec<_>>().await {
        Ok(mut pages) => {
            pages.sort_by_key(|(index, _)| *index);
            pages.into_iter().map(|(_, page)| Ok(page)).collect()
        }
        Err(error) => urls.iter().map(|_| Err(error.clone())).collect(),
    }
// END
