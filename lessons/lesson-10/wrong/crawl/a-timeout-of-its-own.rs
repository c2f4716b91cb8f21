// WRONG [hardcoded]: each fetch's timeout is a second of the answer's own, not `options.timeout`. => "not a duration of your own"
// The reference answer (src/solutions/crawl.rs) with the mistake written in:
// REPLACE
                let fetch = tokio::time::timeout(options.timeout, fetch_page(&client, &url));
// WITH
                // A second is plenty for a page.
                let fetch = tokio::time::timeout(std::time::Duration::from_secs(1), fetch_page(&client, &url));
// END
