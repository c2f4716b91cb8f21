// WRONG [sequential]: each fetch is awaited before the next starts, as in a plain for loop. => "but at most 1 were"
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
    let mut results = Vec::new();
    for url in urls {
        results.push(fetch_page(client, url).await);
    }
    results
// END
