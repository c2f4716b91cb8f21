//! Lesson 08 exercises: gather with a `JoinSet`, limit how many run at once, and find the call
//! that blocks an async runtime.
//!
//! One file per exercise: `gather.rs` (8.1), `fetch_all_limited.rs` (8.2) and `fetch_page.rs`
//! (8.3). Check your answers with `cargo test -p lesson-08`. The checks read the recorded
//! downloads: the right pages are not enough, the downloads must also overlap (and, in 8.2,
//! never more than `limit` at once), and no task may block the runtime's thread.

mod fetch_all_limited;
mod fetch_page;
mod gather;

pub use fetch_all_limited::fetch_all_limited;
pub use fetch_page::fetch_page;
pub use gather::gather;
