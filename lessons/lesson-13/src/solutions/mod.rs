//! Lesson 13 reference answers (built with `--features solutions`), one file per exercise, with
//! the same public API as `src/exercises/`.

mod fetch_all_fail_fast;
mod fetch_with_retries;
mod work_until_shutdown;

pub use fetch_all_fail_fast::fetch_all_fail_fast;
pub use fetch_with_retries::fetch_with_retries;
pub use work_until_shutdown::work_until_shutdown;
