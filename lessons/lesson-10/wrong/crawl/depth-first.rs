// WRONG [order]: the newest link is taken first (a stack), so the crawl goes deep before it goes wide. => "breadth first"
// The reference answer (src/solutions/crawl.rs) with the mistake written in:
// REPLACE
//! Exercise 10.2, the reference answer: one function owns the queue and the seen set; the
//! fetches run in a `JoinSet`, at most `limit` at a time.
// WITH
//! Exercise 10.2: a breadth-first crawl.
// END
// REPLACE
            let Some(url) = queue.pop_front() else { break };
// WITH
            let Some(url) = queue.pop_back() else { break };
// END
