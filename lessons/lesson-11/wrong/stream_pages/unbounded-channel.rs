// WRONG [unbounded]: an unbounded channel: when the analyses are slower than the downloads, every page piles up in it. => "pages were waiting at once"
// The reference answer (src/solutions/stream_pages.rs) with the mistake written in:
// REPLACE
//! Exercise 11.1, the reference answer: a streaming pipeline, in order, with bounded memory.
// WITH
//! Exercise 11.1: a streaming pipeline, in order, with bounded memory.
// END
// REPLACE
    let (sender, mut inbox) = mpsc::channel::<(usize, Page)>(capacity);
// WITH
    // Deliberately wrong: no capacity, so nothing ever waits for room.
    let _ = capacity;
    let (sender, mut inbox) = mpsc::unbounded_channel::<(usize, Page)>();
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
            let _ = sender.send((index, url.download().await));
        });
    }
// END
