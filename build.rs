//! Turns every markdown file under `book/` into a doc comment on an empty module, so that
//! `cargo test` runs each Rust snippet of the book as a rustdoc doctest (edition 2024, with
//! `compile_fail`, `should_panic`, `no_run`, `ignore` and hidden `# ` lines). Files are found,
//! not listed, so a new chapter cannot be left untested.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    let root =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let book = root.join("book");
    println!("cargo::rerun-if-changed={}", book.display());

    let mut files = Vec::new();
    collect_markdown(&book, &mut files);
    files.sort();

    let mut out = String::new();
    for file in &files {
        // Directories are watched for added files; each file for its own edits.
        println!("cargo::rerun-if-changed={}", file.display());
        let relative = file.strip_prefix(&book).unwrap_or(file);
        let _ = writeln!(
            out,
            "#[doc = include_str!({path:?})]\n#[allow(dead_code)]\nmod {name} {{}}\n",
            path = file.display().to_string(),
            name = module_name(relative),
        );
    }
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out_dir.join("book_doctests.rs"), out).expect("OUT_DIR is writable");
}

fn collect_markdown(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    println!("cargo::rerun-if-changed={}", dir.display());
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_markdown(&path, files);
        } else if path.extension().is_some_and(|ext| ext == "md") {
            files.push(path);
        }
    }
}

/// `lesson-03/racy-counter.md` becomes `book_lesson_03_racy_counter_md`: a unique module name, and
/// the doctest names in `cargo test` output say which file a snippet came from.
fn module_name(relative: &Path) -> String {
    let mut name = String::from("book_");
    for ch in relative.to_string_lossy().chars() {
        name.push(if ch.is_ascii_alphanumeric() {
            ch.to_ascii_lowercase()
        } else {
            '_'
        });
    }
    name
}
