//! The workbook's instruments: what every lesson uses to show what really happened.
//!
//! - [`Recorder`] records spans (task, label, thread, start, end) from threads and async tasks;
//!   [`Recorder::traced`] records every poll of a future, so its busy slices and waits show.
//! - [`timeline`] draws spans in the terminal (`Task A │██░░██░░│`) with a labelled time axis;
//!   [`export`] writes them as SVG (for the book) and as a Chrome trace (for Perfetto).
//! - [`summary`] computes overlap, threads used, spans open at once, speedups, ratios to ideal.
//! - `process` (feature `process`): worker processes spoken to in JSON lines, a pool of them,
//!   their deaths as typed errors, always waited for (lesson 09).
//! - [`python`] runs a lesson's Python programs, bounded in time, for side-by-side timings.
//! - [`runs`] times runs with their own recorders, picks the median one, prints big counts.
//! - [`pool`] the worker pool the lessons share: rayon threads started once, named `worker-N`.
//! - [`work`] simulates downloads (blocking and async) and CPU work the optimiser cannot fold.
//! - [`downloads`] the lessons' simulated downloads: one `Url`/`Page`, blocking and async.
//! - [`rendezvous`] proves "all at the same time" on real threads without sleeping.
//! - [`interleaving`] shows a failing loom execution step by step, one column a thread (with the
//!   `loom` feature), and finds sync types taken from anywhere but `crate::sync`.
//! - `site` (feature `site`) a real HTTP server on loopback with a generated site and counters,
//!   and the shared blocking (ureq) and async (reqwest) clients.
//! - [`waitfor`] std locks that keep a wait-for table (who holds what, who waits for what) and
//!   make a lock-order deadlock certain on real threads, with no luck needed.
//! - [`lock_wrapper`] the plumbing every lock wrapper shares (poison mapping, `Deref`, `Debug`).
//! - [`busy`] was a thread runnable, or woken again and again, while it had nothing to do? The
//!   kernel's per-thread counts, whatever the load: busy waiting caught in a quiet window.
//! - [`check`] grades exercises from recorded spans, with the timeline in the failure message.
//! - [`demo`] checks a lesson binary keeps the promises every lesson makes (for `tests/demo.rs`).
//! - [`curve`] a speedup curve over pool sizes: measured, as a table, as an SVG picture.
//! - [`compare`] runs a lesson's variants in turns, keeps the median or best, and reports them.
//! - [`Lesson`] is a lesson's command line (`--quick`, `--json`, `--trace`, `--svg`) and report.

pub mod blocking;
pub mod busy;
pub mod check;
mod child;
pub mod compare;
pub mod curve;
pub mod demo;
pub mod downloads;
pub mod export;
pub mod interleaving;
pub mod lesson;
pub mod lock_wrapper;
pub mod pool;
#[cfg(feature = "process")]
pub mod process;
pub mod python;
pub mod record;
pub mod rendezvous;
pub mod runs;
#[cfg(feature = "site")]
pub mod site;
pub mod summary;
pub mod timeline;
pub mod waitfor;
pub mod work;

pub use export::Timeline;
pub use lesson::{Lesson, LessonArgs, Measurement, cores};
pub use record::{Recorder, Span, SpanGuard, Traced};
pub use summary::Summary;
