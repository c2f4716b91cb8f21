// WRONG [busy-wait]: the analyses' side asks the channel with `try_recv` in a loop, with a 100 ms `thread::sleep` between tries, instead of waiting with `blocking_recv`: a thread woken ten times a second to ask an empty channel, and a page that arrives waits up to 100 ms. => "asks an empty channel again and again"
// The reference answer (src/solutions/stream_pages.rs) with the mistake written in:
// REPLACE
//! Exercise 11.1, the reference answer: a streaming pipeline, in order, with bounded memory.
// WITH
//! Exercise 11.1: a streaming pipeline, in order, with bounded memory.
// END
// REPLACE
        std::iter::from_fn(|| inbox.blocking_recv())
// WITH
        // Take what is there; if nothing is, look again soon (`get_nowait`, `time.sleep(0.1)`).
        std::iter::from_fn(|| {
            loop {
                match inbox.try_recv() {
                    Ok(item) => return Some(item),
                    Err(mpsc::error::TryRecvError::Disconnected) => return None,
                    Err(mpsc::error::TryRecvError::Empty) => {
                        std::thread::sleep(std::time::Duration::from_millis(100));
                    }
                }
            }
        })
// END
