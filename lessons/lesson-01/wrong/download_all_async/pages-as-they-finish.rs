// WRONG [order]: `FuturesUnordered` yields the pages as the downloads finish, not in the order of the urls. => "order of the urls"
// The reference answer (src/solutions/download_all_async.rs) with the mistake written in:
// REPLACE
//! Exercise 1.2, the reference answer: every download future polled together.
// WITH
//! Exercise 1.2: every download future polled together.

use futures::StreamExt;
use futures::stream::FuturesUnordered;
// END
// REPLACE
    futures::future::join_all(urls.iter().map(download_async)).await
// WITH
    // Deliberately wrong: all at once, but collected in finishing order.
    urls.iter()
        .map(download_async)
        .collect::<FuturesUnordered<_>>()
        .collect()
        .await
// END
