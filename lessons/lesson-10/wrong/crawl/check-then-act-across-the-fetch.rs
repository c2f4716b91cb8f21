// WRONG [check-then-act]: a url is marked seen only once its fetch is done, so every page that links to it meanwhile queues it again. => "more than once"
// The reference answer (src/solutions/crawl.rs) with the mistake written in:
// REPLACE
//! Exercise 10.2, the reference answer: one function owns the queue and the seen set; the
//! fetches run in a `JoinSet`, at most `limit` at a time.
// WITH
//! Exercise 10.2: a breadth-first crawl.
// END
// REPLACE
        if let Ok(page) = &fetched.result {
            for link in &page.links {
                // Checked and marked in one step, with no await between: never queued twice.
                if crawlable(&start, link) && seen.insert(link.clone()) {
                    queue.push_back(link.clone());
                }
            }
        }
// WITH
        seen.insert(fetched.url.clone());
        if let Ok(page) = &fetched.result {
            for link in &page.links {
                if crawlable(&start, link) && !seen.contains(link) {
                    queue.push_back(link.clone());
                }
            }
        }
// END
