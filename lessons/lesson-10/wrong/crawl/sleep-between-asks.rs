// WRONG [busy-wait]: instead of `join_next().await`, the crawl asks `try_join_next()` whether a fetch is done and, if none is, sleeps 20 ms and asks again (Python: `while not any(f.done() for f in futures): time.sleep(0.02)`): the thread is woken fifty times a second to ask, and a finished fetch waits up to 20 ms. => "busy waiting"
// The reference answer (src/solutions/crawl.rs) with the mistake written in:
// REPLACE
//! Exercise 10.2, the reference answer: one function owns the queue and the seen set; the
//! fetches run in a `JoinSet`, at most `limit` at a time.
// WITH
//! Exercise 10.2: one function owns the queue and the seen set; it looks for finished fetches.
// END
// REPLACE
        // Wait for one fetch; none left running means the crawl is over.
        let Some(done) = running.join_next().await else {
            break;
        };
// WITH
        // None left running means the crawl is over; otherwise look for a finished one.
        if running.is_empty() {
            break;
        }
        let Some(done) = running.try_join_next() else {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await; // look again soon
            continue;
        };
// END
