//! Lesson 13 exercises: fail fast and stop the rest, retry with backoff under deadlines, and
//! shut workers down gracefully.
//!
//! One file per exercise: `fetch_all_fail_fast.rs` (13.1), `fetch_with_retries.rs` (13.2) and
//! `work_until_shutdown.rs` (13.3). Check your answers with `cargo test -p lesson-13`. The
//! checks run on tokio's paused clock and read the recorded spans: the right answer is not
//! enough, the work must also stop when it should (no fetch running on after the error, no job
//! cut off half way), and retries must start at exactly the right moments.

mod fetch_all_fail_fast;
mod fetch_with_retries;
mod work_until_shutdown;

pub use fetch_all_fail_fast::fetch_all_fail_fast;
pub use fetch_with_retries::fetch_with_retries;
pub use work_until_shutdown::work_until_shutdown;
