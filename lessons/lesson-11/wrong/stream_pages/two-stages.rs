// WRONG [sequential]: every page is downloaded first, then sent to the analyses: the tutorials' two stages behind a channel. => "no analysis started before the last download ended"
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
    // Deliberately wrong: the analyses get nothing until every download is done.
    let pages = futures::future::join_all(urls.iter().map(Url::download)).await;
    for (index, page) in pages.into_iter().enumerate() {
        sender.send((index, page)).await.expect("the analyses are running");
    }
// END
