// WRONG [batches]: breadth first one level at a time, each level fetched in batches of `limit` with join_all: a free slot waits for the batch's slowest page. => "a free slot waited for the slow page"
// The reference answer (src/solutions/crawl.rs) with the mistake written in:
// REPLACE
    let mut seen = HashSet::from([start.clone()]);
    let mut queue = VecDeque::from([start.clone()]);
    let mut running = JoinSet::new();
    let mut crawled: Vec<Option<Crawled>> = Vec::new();
    loop {
        // Start fetches while the limit and the budget allow, oldest link first.
        while running.len() < options.limit && crawled.len() < options.max_pages {
            let Some(url) = queue.pop_front() else { break };
            let (client, index) = (client.clone(), crawled.len());
            crawled.push(None);
            running.spawn(async move {
                let fetch = tokio::time::timeout(options.timeout, fetch_page(&client, &url));
                let result = fetch.await.unwrap_or(Err(FetchError::Timeout));
                (index, Crawled { url, result })
            });
        }
        // Wait for one fetch; none left running means the crawl is over.
        let Some(done) = running.join_next().await else {
            break;
        };
        let (index, fetched) = done.expect("a fetch task panicked");
        if let Ok(page) = &fetched.result {
            for link in &page.links {
                // Checked and marked in one step, with no await between: never queued twice.
                if crawlable(&start, link) && seen.insert(link.clone()) {
                    queue.push_back(link.clone());
                }
            }
        }
        crawled[index] = Some(fetched);
    }
    crawled.into_iter().flatten().collect()
// WITH
    let mut seen = HashSet::from([start.clone()]);
    let mut level = vec![start.clone()];
    let mut crawled = Vec::new();
    while !level.is_empty() && crawled.len() < options.max_pages {
        let mut next = Vec::new();
        for batch in level.chunks(options.limit.max(1)) {
            let room = options.max_pages - crawled.len();
            let batch = &batch[..batch.len().min(room)];
            let results = futures::future::join_all(batch.iter().map(|url| async move {
                let fetch = tokio::time::timeout(options.timeout, fetch_page(client, url));
                let result = fetch.await.unwrap_or(Err(FetchError::Timeout));
                Crawled { url: url.clone(), result }
            }))
            .await;
            for fetched in results {
                if let Ok(page) = &fetched.result {
                    for link in &page.links {
                        if crawlable(&start, link) && seen.insert(link.clone()) {
                            next.push(link.clone());
                        }
                    }
                }
                crawled.push(fetched);
            }
            if crawled.len() >= options.max_pages {
                break;
            }
        }
        level = next;
    }
    crawled
// END
