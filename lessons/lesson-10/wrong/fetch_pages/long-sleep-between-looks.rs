// WRONG [busy-wait]: every fetch starts at once with join_all and first polls a counter of requests in flight, with a long sleep (300 ms) between looks: rarely woken, but a slot freed just after a look stays empty until the next one (Python's `while n >= limit: await asyncio.sleep(...)`). => "a free slot waited"
// The reference answer (src/solutions/fetch_pages.rs) with the mistake written in:
// REPLACE
//! Exercise 10.1, the reference answer: `limit` fetches at a time, each result put back in its
//! url's place.

use futures::stream::{self, StreamExt};
// WITH
//! Exercise 10.1: a counter of requests in flight; a fetch waits until it is below the limit.

use std::sync::atomic::{AtomicUsize, Ordering};
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
    let in_flight = AtomicUsize::new(0);
    let in_flight = &in_flight;
    futures::future::join_all(urls.iter().map(|url| async move {
        while in_flight.load(Ordering::SeqCst) >= limit {
            tokio::time::sleep(std::time::Duration::from_millis(300)).await; // look again soon
        }
        in_flight.fetch_add(1, Ordering::SeqCst);
        let result = fetch_page(client, url).await;
        in_flight.fetch_sub(1, Ordering::SeqCst);
        result
    }))
    .await
// END
