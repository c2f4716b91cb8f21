//! Lesson 12: choosing a model, measured in one run.
//!
//! The tutorials' decision tree against this machine: four workloads (their I/O benchmark, 5
//! downloads of the local server's 1 s page; their CPU benchmark, 4 jobs scaled to the
//! calibrated job; 10,000 waits at once; a mixed pipeline of downloads then computing) by
//! seven models (sequential, std threads, a thread pool, rayon, tokio, tokio + rayon,
//! processes). Each cell is a time and its ratio to the best in its column; the tree's pick is
//! marked and the run says where it disagrees and why. With python3, the tutorials' own
//! programs run the same two benchmarks beside Rust; then the pitfalls are measured.
//!
//! Run it: `cargo run -p lesson-12` (add `--quick`, `--json`, `--svg FILE`, `--trace FILE`).

use instruments::site::{Server, Site};
use instruments::{Lesson, work};
use lesson_12::report::{self, Sizes};
use lesson_12::{Models, this_binary_as_worker};

fn main() {
    // The guard comes first: a worker process serves items and exits here.
    if let Some(status) = lesson_12::worker_mode() {
        std::process::exit(status);
    }
    let mut lesson = Lesson::start("lesson-12", "Choosing a model");
    let sizes = Sizes::new(lesson.quick());
    let server = Server::start(Site::default());
    let models = Models::new(this_binary_as_worker());
    let (terms, mixed_terms) = (
        work::calibrate(sizes.cpu_job),
        work::calibrate(sizes.mixed_cpu),
    );
    let benches = report::benches(&sizes, &server, terms, mixed_terms);
    lesson.say("Workloads:");
    for bench in &benches {
        lesson.say(format!("- {}: {}", bench.head, bench.name));
    }
    let rows: Vec<report::Row> = benches
        .into_iter()
        .map(|bench| report::measure(&mut lesson, &models, bench, sizes.budget))
        .collect();
    report::grid(&lesson, &rows);
    lesson.derive("decision_table", report::decision_table(&rows));
    report::verdict(&mut lesson, &rows);
    lesson.draw_timelines();
    let page = server.delay_url(sizes.download);
    report::python(&mut lesson, &page, &sizes, &rows);
    report::pitfalls(&mut lesson, &models, &server, &sizes, terms);
    std::process::exit(lesson.finish());
}
