// WRONG [leak]: each request makes a client of its own (as `requests.get` without a Session), so every request opens a connection and none is kept alive. => "none was reused"
// The reference answer (src/solutions/fetch_pages.rs) with the mistake written in:
// REPLACE
//! Exercise 10.1, the reference answer: `limit` fetches at a time, each result put back in its
//! url's place.
// WITH
//! Exercise 10.1: fetch every url.
// END
// REPLACE
        .map(|(index, url)| async move { (index, fetch_page(client, url).await) })
// WITH
        .map(|(index, url)| async move {
            let _ = client;
            let own = crate::client(std::time::Duration::from_secs(10));
            (index, fetch_page(&own, url).await)
        })
// END
