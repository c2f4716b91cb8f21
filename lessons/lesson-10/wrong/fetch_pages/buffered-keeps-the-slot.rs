// WRONG [batches]: buffered(limit) keeps a finished answer's slot until the answers before it are in, so a slow page holds up the next requests. => "a free slot waited"
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
    stream::iter(urls)
        .map(|url| fetch_page(client, url))
        .buffered(limit)
        .collect()
        .await
// END
