// WRONG [batches]: the links are fetched in batches of five (a JoinSet per `chunks(5)`), "so as not to open too many at once": within a batch they overlap, but each batch waits for its slowest fetch before the next one starts. => "Every link at once means every link"
// REPLACE
    let mut tasks = JoinSet::new();
    for (index, link) in links.iter().cloned().enumerate() {
        tasks.spawn(async move { (index, fetch(&link).await) });
    }
    let mut pages: Vec<Option<Page>> = vec![None; links.len()];
    // `join_next` hands results back in the order they finish, so the first `Err` it gives is
    // the first error to happen.
    while let Some(done) = tasks.join_next().await {
        let (index, result) = done.expect("a fetch task panicked");
        // `?` returns at once. Returning drops `tasks`, and dropping a JoinSet aborts every
        // task still in it: the other fetches stop now, not when they would have finished.
        pages[index] = Some(result?);
    }
// WITH
    let mut pages: Vec<Option<Page>> = vec![None; links.len()];
    for (batch, chunk) in links.chunks(5).enumerate() {
        let mut tasks = JoinSet::new();
        for (offset, link) in chunk.iter().cloned().enumerate() {
            let index = batch * 5 + offset;
            tasks.spawn(async move { (index, fetch(&link).await) });
        }
        while let Some(done) = tasks.join_next().await {
            let (index, result) = done.expect("a fetch task panicked");
            pages[index] = Some(result?);
        }
    }
// END
