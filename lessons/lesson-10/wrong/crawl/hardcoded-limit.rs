// WRONG [hardcoded]: at most 4 fetches at once, the limit of the example, whatever `options.limit` says. => "not a constant"
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
        while running.len() < 4 && crawled.len() < options.max_pages {
// END
