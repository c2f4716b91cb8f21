//! Exercise 8.3: find the call that blocks the async runtime.

use crate::{Page, Url};

/// Exercise 8.3: this download is *deliberately wrong*, and its check fails as shipped
/// (exercise 8.3 `fetch_page`, lessons/lesson-08/src/exercises/fetch_page.rs). It is an
/// `async fn`, and the checks run three of them as tasks on one thread (a current-thread
/// runtime, like asyncio's loop), yet they run one after another. Find the call that blocks
/// the thread and replace it with one that yields to the runtime while it waits. Keep the
/// wait, and its length (`url.latency()`): it stands for the network.
///
/// Hint: anything that waits without an `.await` holds the thread. `tokio::time::sleep`
/// is the async way to wait (`await asyncio.sleep`, not `time.sleep`).
pub async fn fetch_page(url: &Url) -> Page {
    // TODO: find and fix the blocking call below.
    let page = url.page();
    // Deliberately blocking (exercise 8.3): `std::thread::sleep` puts the runtime's only
    // thread to sleep, so no other task can be polled until it wakes.
    std::thread::sleep(url.latency());
    page
}
