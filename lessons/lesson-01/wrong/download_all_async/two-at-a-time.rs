// WRONG [batches]: a stream with `buffered(2)` keeps only two downloads in flight at once. => "but at most 2 did"
// The reference answer (src/solutions/download_all_async.rs) with the mistake written in:
// REPLACE
//! Exercise 1.2, the reference answer: every download future polled together.
// WITH
//! Exercise 1.2: every download future polled together.

use futures::StreamExt;
// END
// REPLACE
    futures::future::join_all(urls.iter().map(download_async)).await
// WITH
    // Deliberately wrong: `buffered(2)` polls at most two of the futures at a time.
    futures::stream::iter(urls.iter().map(download_async))
        .buffered(2)
        .collect()
        .await
// END
