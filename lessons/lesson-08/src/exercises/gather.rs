//! Exercise 8.1: gather every download with a `JoinSet`.

#[allow(unused_imports)] // you will need it
use crate::download_async;
use crate::{Page, Url};

/// Exercise 8.1: download every url as its own task, all at once, like
/// `await asyncio.gather(*(download(url) for url in urls))`, and return the pages in the order
/// of `urls` (not the order they finish).
///
/// Hint: `tokio::task::JoinSet::new()`, then `set.spawn(async move { ... })` per url (tag each
/// result with its index, since `join_next()` hands results back as they finish), and put each
/// page in its slot: a `Vec<Option<Page>>` of the right length works.
pub async fn gather(urls: Vec<Url>) -> Vec<Page> {
    // TODO: spawn one task per url on a JoinSet, each returning (index, page); collect them
    // with `join_next().await` and put them back into the order of the urls.
    let _ = urls;
    todo!(
        "exercise 8.1 `gather` (lessons/lesson-08/src/exercises/gather.rs): spawn every \
         download on a JoinSet and return the pages in input order"
    )
}
