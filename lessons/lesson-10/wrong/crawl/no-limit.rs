// WRONG [unbounded]: every queued url is spawned at once; the limit is never tested. => "requests at once with limit=4"
// The reference answer (src/solutions/crawl.rs) with the mistake written in:
// REPLACE
//! Exercise 10.2, the reference answer: one function owns the queue and the seen set; the
//! fetches run in a `JoinSet`, at most `limit` at a time.
// WITH
//! Exercise 10.2: a breadth-first crawl.
// END
// REPLACE
        while running.len() < options.limit && crawled.len() < options.max_pages {
// WITH
        while crawled.len() < options.max_pages {
// END
