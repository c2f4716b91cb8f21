// WRONG [unbounded]: a bounded channel, but every download starts at once and each task waits at `send` holding its page, so the pages pile up outside the channel. => "pages were waiting at once"
// The reference answer (src/solutions/stream_pages.rs) with the mistake written in:
// REPLACE
//! Exercise 11.1, the reference answer: a streaming pipeline, in order, with bounded memory.
// WITH
//! Exercise 11.1: a streaming pipeline, in order, with bounded memory.
// END
// REPLACE
    for (index, url) in urls.into_iter().enumerate() {
        let sender = sender.clone();
        tokio::spawn(async move {
            if let Ok(place) = sender.reserve().await {
                place.send((index, url.download().await));
            }
        });
    }
// WITH
    for (index, url) in urls.into_iter().enumerate() {
        let sender = sender.clone();
        tokio::spawn(async move {
            // Deliberately wrong: downloaded first, room asked for afterwards.
            let page = url.download().await;
            let _ = sender.send((index, page)).await;
        });
    }
// END
