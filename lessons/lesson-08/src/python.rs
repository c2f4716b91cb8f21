//! Running Python's asyncio version of the scale test (`asyncio_tasks.py`), shipped in `lessons/lesson-08/python/`, through the instruments'
//! bounded Python runner.

use std::path::{Path, PathBuf};

pub use instruments::python::{PythonError, run, run_program, seconds};

/// Where a script that ships with this lesson lives.
pub fn script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("python")
        .join(name)
}
