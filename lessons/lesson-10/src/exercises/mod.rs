//! Lesson 10 exercises: fetch many pages at once within a limit (10.1), and crawl a site
//! breadth first (10.2), over real HTTP against the lesson's own server on 127.0.0.1.
//!
//! One file per exercise: `fetch_pages.rs` (10.1) and `crawl.rs` (10.2). Check your answers with
//! `cargo test -p lesson-10`. The checks read what the *server* saw: how many requests it
//! handled at once, which paths, on which host, how often, in which order.

mod crawl;
mod fetch_pages;

pub use crawl::crawl;
pub use fetch_pages::fetch_pages;
