// WRONG [order]: the pages are pushed as `join_next` returns them, in the order the downloads finish. => "order of the urls"
// The reference answer (src/solutions/gather.rs) with the mistake written in:
// REPLACE
//! Exercise 8.1, the reference answer: every download spawned on a `JoinSet`.
// WITH
//! Exercise 8.1: every download spawned on a `JoinSet`.
// END
// REPLACE
    let mut pages: Vec<Option<Page>> = vec![None; urls.len()];
    // Spawn them all first: a spawned task starts running at once, whether or not anyone
    // awaits it yet.
    for (index, url) in urls.into_iter().enumerate() {
        tasks.spawn(async move { (index, download_async(&url).await) });
// WITH
    for url in urls {
        tasks.spawn(async move { download_async(&url).await });
// END
// REPLACE
    // `join_next` yields each task's result as it finishes, in finishing order: the index puts
    // each page back in its slot.
// WITH
    let mut pages = Vec::new();
    // Deliberately wrong: `join_next` hands results back in finishing order.
// END
// REPLACE
        let (index, page) = done.expect("a download task panicked");
        pages[index] = Some(page);
// WITH
        pages.push(done.expect("a download task panicked"));
// END
// REPLACE
        .into_iter()
        .map(|page| page.expect("every task returned its page"))
        .collect()
// WITH
// END
