//! Lesson 11: a mixed pipeline, downloads (I/O) feeding analyses (CPU), measured.
//!
//! The same pages, from the lesson's HTTP server on 127.0.0.1, through three designs: the
//! tutorials' two stages (every download, then every analysis on rayon), a streaming pipeline
//! (downloads on tokio feed rayon through a bounded channel), and the same pipeline with the
//! analyses on the runtime's thread by mistake. A heartbeat task on the runtime says how late
//! it ran. Measured: time against the ideal (the longer stage alone), how busy the cores were,
//! the most pages waiting at once, and the heartbeat's worst lateness. Median of 3 runs each.
//! And the tutorials' own Python two stages (`python/two_stages.py`) against the same server,
//! if `python3` is on PATH.
//!
//! Run it: `cargo run -p lesson-11` (add `--quick`, `--json`, `--svg FILE`, `--trace FILE`).

use std::time::Duration;

use instruments::compare::{Columns, Comparison, Keep};
use instruments::site::{Server, Site, async_client};
use instruments::{Lesson, Recorder, work};
use lesson_11::measure::{self, Design, Sizes, columns, rows, site_urls};
use lesson_11::{Flow, current_thread_runtime};

fn main() {
    let mut lesson = Lesson::start("lesson-11", "A mixed pipeline");
    let (s, cores) = (Sizes::new(lesson.quick()), lesson.cores());
    let (runtime, terms) = (current_thread_runtime(), work::calibrate(s.analysis));
    let server = Server::start(Site::default()); // 127.0.0.1, a free port; stops when dropped
    let client = async_client(Duration::from_secs(10));
    let source = |flow: &Flow| site_urls(&server, &client, &s, flow);
    let (runtime, source) = (&runtime, &source);
    let design = |d| move |r: &Recorder| measure::run(runtime, d, &s, terms, source, r);
    let compared = Comparison::new()
        .variant("two_stages", "two stages", design(Design::TwoStages))
        .variant("streaming", "streaming", design(Design::Streaming))
        .variant(
            "on_the_runtime",
            "on the runtime",
            design(Design::OnTheRuntime),
        )
        .repeats(s.repeats, Keep::Median)
        .run();
    let ideal = measure::ideal(&compared.get("two_stages").spans);
    lesson.ideal(ideal);
    let cols = Columns {
        ideal: Some(ideal),
        ..Columns::default()
    };
    compared.rows(&mut lesson, cols, |o| columns(o, cores));
    let python = measure::python_two_stages(&mut lesson, &server, &s, ideal);
    for outcome in &compared.outcomes {
        lesson.timeline(outcome.name.clone(), rows(&outcome.spans));
    }
    lesson.draw_timelines();
    lesson.print_table();
    measure::conclude(&mut lesson, &compared, &s, ideal, python);
    std::process::exit(lesson.finish());
}
