//! The root package of the concurrency workbook. It has no code of its own: its build script
//! turns every markdown file under `book/` into doc comments, so that `cargo test` runs every
//! Rust snippet in the book as a doctest (see `build.rs` and ARCHITECTURE.md).

include!(concat!(env!("OUT_DIR"), "/book_doctests.rs"));
