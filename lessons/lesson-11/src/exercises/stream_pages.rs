//! Exercise 11.1: a streaming pipeline, in order, with bounded memory.

use crate::{Analyser, Report, Url};

/// Exercise 11.1: download every url and analyse every page, streaming: each page goes into
/// a bounded channel (`tokio::sync::mpsc::channel(capacity)`) as soon as it is downloaded, and
/// the analyses take pages out of it while the other downloads still run. Return the reports
/// in the order of `urls`.
///
/// - Download with `url.download().await`, on the runtime, several at once.
/// - Analyse with `analyser.analyse(page)`: CPU work, so never on the runtime's thread (rayon's
///   pool, or `tokio::task::spawn_blocking`), on every core, but no more analyses at once than
///   the machine has cores. Take that number from rayon's global pool (one thread a core, or
///   what `RAYON_NUM_THREADS` says): use the pool itself, or `rayon::current_num_threads()`,
///   never a number of your own. The checks give the pool a size of their own to see that.
/// - Wait without spinning: the analyses' side waits for a page with `blocking_recv` (or
///   `.await`), never by asking with `try_recv` again and again.
/// - Memory stays bounded: never more than `capacity` pages waiting between the two stages (a
///   page downloaded and not yet being analysed waits, in the channel or in anybody's hands).
///
/// The checks (`cargo test -p lesson-11`) count when the analyses start, how many pages wait
/// at once, and on which threads the analyses run.
pub async fn stream_pages(urls: Vec<Url>, capacity: usize, analyser: Analyser) -> Vec<Report> {
    // TODO: a bounded channel between the downloads (tokio tasks) and the analyses (off the
    // runtime), then the reports in the order of `urls`.
    let _ = (urls, capacity, analyser);
    todo!("exercise 11.1 `stream_pages` in lessons/lesson-11/src/exercises/stream_pages.rs")
}
