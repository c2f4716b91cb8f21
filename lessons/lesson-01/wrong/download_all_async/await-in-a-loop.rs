// WRONG [sequential]: each download is awaited in a `for` loop before the next one starts. => "but at most 1 did"
// The reference answer (src/solutions/download_all_async.rs) with the mistake written in:
// REPLACE
//! Exercise 1.2, the reference answer: every download future polled together.
// WITH
//! Exercise 1.2: every download future polled together.
// END
// REPLACE
    futures::future::join_all(urls.iter().map(download_async)).await
// WITH
    let mut pages = Vec::with_capacity(urls.len());
    // Deliberately wrong: `.await` here waits for this download to finish before the loop
    // builds the next one.
    for url in urls {
        pages.push(download_async(url).await);
    }
    pages
// END
