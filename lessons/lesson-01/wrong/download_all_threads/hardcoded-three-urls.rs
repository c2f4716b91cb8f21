// WRONG [hardcoded]: only the first three urls are downloaded, as in the chapter's example, not every url given. => "pages came back"
// The reference answer (src/solutions/download_all_threads.rs) with the mistake written in:
// REPLACE
//! Exercise 1.1, the reference answer: one scoped thread per url; pages in input order.
// WITH
//! Exercise 1.1: one scoped thread per url; pages in input order.
// END
// REPLACE
        // Spawn them all first: joining inside this loop would wait for each download before
        // starting the next, which is sequential again.
// WITH
        // Deliberately wrong: three threads, as in the chapter's example with three files.
// END
// REPLACE
            .iter()
// WITH
            .iter()
            .take(3)
// END
// REPLACE
        // Joining in the order of spawning keeps the pages in the order of the urls, whatever
        // order the downloads finish in.
// WITH
// END
