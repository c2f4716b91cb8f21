// WRONG [order]: the pages are collected as the fetches finish, so they come back in finishing order, not the order of the links. => "in the order of the links"
// The reference answer (src/solutions/fetch_all_fail_fast.rs) with the mistake written in:
// REPLACE
//! Exercise 13.1, the reference answer: fail fast, and stop every other fetch.
// WITH
//! Exercise 13.1: fail fast, and stop every other fetch.
// END
// REPLACE
    let mut pages: Vec<Option<Page>> = vec![None; links.len()];
// WITH
    let mut pages: Vec<Page> = Vec::with_capacity(links.len());
// END
// REPLACE
        let (index, result) = done.expect("a fetch task panicked");
        // `?` returns at once. Returning drops `tasks`, and dropping a JoinSet aborts every
        // task still in it: the other fetches stop now, not when they would have finished.
        pages[index] = Some(result?);
    }
    Ok(pages
        .into_iter()
        .map(|page| page.expect("every task returned its page"))
        .collect())
// WITH
        let (_index, result) = done.expect("a fetch task panicked");
        // Deliberately wrong: pushed in the order they finish.
        pages.push(result?);
    }
    Ok(pages)
// END
