// WRONG [blocking-async]: the blocking `download` is called inside async blocks, so it holds the runtime's thread while it waits. => "blocked the runtime's thread"
// The reference answer (src/solutions/download_all_async.rs) with the mistake written in:
// REPLACE
//! Exercise 1.2, the reference answer: every download future polled together.
// WITH
//! Exercise 1.2: every download future polled together.
// END
// REPLACE
use crate::download_async;
// WITH
use crate::download;
// END
// REPLACE
    futures::future::join_all(urls.iter().map(download_async)).await
// WITH
    // Deliberately wrong: `download` sleeps the thread; inside an async block it is still a
    // blocking call, and no other future on the thread is polled while it sleeps.
    futures::future::join_all(urls.iter().map(|url| async move { download(url) })).await
// END
