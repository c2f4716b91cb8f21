// WRONG [busy-wait]: the analyses' side asks the channel with `try_recv` in a loop, with `thread::yield_now` between tries, instead of waiting with `blocking_recv`: a core kept busy asking an empty channel whenever the downloads are slower than the analyses. => "asks an empty channel again and again"
// The reference answer (src/solutions/stream_pages.rs) with the mistake written in:
// REPLACE
//! Exercise 11.1, the reference answer: a streaming pipeline, in order, with bounded memory.
// WITH
//! Exercise 11.1: a streaming pipeline, in order, with bounded memory.
// END
// REPLACE
        std::iter::from_fn(|| inbox.blocking_recv())
// WITH
        // Take what is there; if nothing is, try again at once (Python's get_nowait in a loop).
        std::iter::from_fn(|| {
            loop {
                match inbox.try_recv() {
                    Ok(item) => return Some(item),
                    Err(mpsc::error::TryRecvError::Disconnected) => return None,
                    Err(mpsc::error::TryRecvError::Empty) => std::thread::yield_now(),
                }
            }
        })
// END
