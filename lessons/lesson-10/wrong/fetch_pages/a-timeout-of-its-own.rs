// WRONG [hardcoded]: each fetch is wrapped in a timeout of one second of the answer's own, on top of the client's: a page of 2 s, well within the client's timeout, becomes a timeout. => "add none of your own"
// The reference answer (src/solutions/fetch_pages.rs) with the mistake written in:
// REPLACE
        .map(|(index, url)| async move { (index, fetch_page(client, url).await) })
// WITH
        .map(|(index, url)| async move {
            // A page should not take longer than a second.
            let fetch = tokio::time::timeout(std::time::Duration::from_secs(1), fetch_page(client, url));
            (index, fetch.await.unwrap_or(Err(FetchError::Timeout)))
        })
// END
