// WRONG [blocking-async]: the wait is a std channel's `recv_timeout`, a blocking call in disguise that holds the runtime's thread. => "blocked the runtime's thread"
//! Exercise 8.3: the wait yields to the runtime.

use std::sync::mpsc;

use crate::{Page, Url};

/// Exercise 8.3: the wait yields to the runtime instead of blocking its thread.
pub async fn fetch_page(url: &Url) -> Page {
    let page = url.page();
    let (_sender, receiver) = mpsc::channel::<()>();
    // Deliberately wrong: std's channels block the calling thread while they wait.
    let _ = receiver.recv_timeout(url.latency());
    page
}
