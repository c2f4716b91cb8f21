// WRONG [result]: every new link is queued, on any host (localhost is another host than 127.0.0.1). => "requested pages on another host"
// The reference answer (src/solutions/crawl.rs) with the mistake written in:
// REPLACE
//! Exercise 10.2, the reference answer: one function owns the queue and the seen set; the
//! fetches run in a `JoinSet`, at most `limit` at a time.
// WITH
//! Exercise 10.2: a breadth-first crawl.
// END
// REPLACE
                if crawlable(&start, link) && seen.insert(link.clone()) {
// WITH
                if seen.insert(link.clone()) {
// END
