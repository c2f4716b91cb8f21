// WRONG [unbounded]: fetches start whenever a slot is free, whatever the budget says. => "the server was asked for"
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
        while running.len() < options.limit {
// END
