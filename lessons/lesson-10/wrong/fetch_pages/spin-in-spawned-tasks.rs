// WRONG [busy-wait]: a task per url on a JoinSet (so the spinning is not in the future the caller polls, but in tasks the runtime runs); each checks a shared counter and yields until it is below the limit. The runtime's thread never rests while the first requests are out. => "busy waiting"
// The reference answer (src/solutions/fetch_pages.rs) with the mistake written in:
// REPLACE
//! Exercise 10.1, the reference answer: `limit` fetches at a time, each result put back in its
//! url's place.

use futures::stream::{self, StreamExt};
// WITH
//! Exercise 10.1: a counter of requests in flight; a fetch waits until it is below the limit.

use std::sync::Arc;
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
    let in_flight = Arc::new(AtomicUsize::new(0));
    let mut tasks = tokio::task::JoinSet::new();
    for (index, url) in urls.iter().cloned().enumerate() {
        let (client, in_flight) = (client.clone(), Arc::clone(&in_flight));
        tasks.spawn(async move {
            while in_flight.load(Ordering::SeqCst) >= limit {
                tokio::task::yield_now().await; // not yet: look again
            }
            in_flight.fetch_add(1, Ordering::SeqCst);
            let result = fetch_page(&client, &url).await;
            in_flight.fetch_sub(1, Ordering::SeqCst);
            (index, result)
        });
    }
    let mut results = tasks.join_all().await;
    results.sort_by_key(|(index, _)| *index);
    results.into_iter().map(|(_, result)| result).collect()
// END
