//! Lesson 03: race conditions.
//!
//! Four threads add 1 to a shared counter a million times each (100,000 with `--quick`). The
//! racy counter (an atomic `load`, then a `store`) runs ten times (five with `--quick`), and a
//! histogram shows how many updates each run lost; a run that lost nothing says why, from the
//! values its threads wrote. Then the three fixes (`fetch_add`, a `Mutex`, counting locally
//! then summing) are timed against it, and each variant's four threads are drawn as a timeline.
//! With `python3` on PATH, CPython runs the tutorials' racy program too (`python/`), 3 ways.
//!
//! Run it: `cargo run -p lesson-03` (add `--quick`, `--json`, `--svg FILE`, `--trace FILE`).

use instruments::compare::{Columns, Comparison, Keep};
use instruments::runs::thousands;
use instruments::{Lesson, Recorder};
use lesson_03::{CONCLUSIONS, RacyRuns, columns, lost_histogram, racy_runs, racy_verdict};
use lesson_03::{count_locally_then_sum, count_with_fetch_add, count_with_mutex, python_race};

const THREADS: usize = 4;

fn main() {
    let mut lesson = Lesson::start("lesson-03", "Race conditions");
    let sizes = [(1_000_000, 10, 5), (100_000, 5, 3)];
    let (per_thread, runs, repeats) = sizes[usize::from(lesson.quick())];
    let expected = THREADS as u64 * per_thread;
    lesson.say(RacyRuns::setting(runs, THREADS, per_thread));

    // Whether a racy run loses updates depends on timing, so it runs several times.
    let racy = racy_runs(runs, THREADS, per_thread);
    lesson.say(lost_histogram(&racy.all, 40));
    let (lost, median_lost) = (racy.lost(), racy.median_lost_percent());
    lesson.derive("racy_lost_per_run", lost.clone());
    let losing = lost.iter().filter(|&&lost| lost > 0).count();
    lesson.derive("racy_runs_that_lost_updates", losing);
    lesson.derive("racy_median_lost_percent", median_lost);

    let count = |fix: fn(usize, u64, &Recorder) -> u64| move |r: &_| fix(THREADS, per_thread, r);
    let local = count(count_locally_then_sum);
    let fixes = Comparison::new()
        .variant("fetch_add", "fetch_add", count(count_with_fetch_add))
        .variant("mutex", "Mutex", count(count_with_mutex))
        .variant("local_then_sum", "local then sum", local)
        .repeats(repeats, Keep::Median)
        .run();
    let exact = fixes.outcomes.iter().filter(|fix| fix.value == expected);
    let exact = exact.count();
    // The table: the racy run with the median loss, and each fix's run with the median time.
    let all = racy.before(fixes);
    lesson.say(format!(
        "Timelines: the racy run with the median loss, and each fix's median of {repeats} runs. \
         Each has its own time axis; the table compares the times.\n"
    ));
    all.rows(&mut lesson, Columns::default(), |r| columns(r, expected));
    for run in &all.outcomes {
        let title = format!("{}: {THREADS} threads", run.name);
        lesson.timeline(title, run.spans.clone());
        lesson.draw_timelines(); // each on its own scale, so a short run still shows its threads
    }
    lesson.print_table();

    lesson.say(racy_verdict(&lost, median_lost));
    let exactly = thousands(expected);
    lesson.say(format!("fixes: {exact} of 3 counted exactly {exactly}."));
    for conclusion in CONCLUSIONS {
        lesson.derive(conclusion.key, conclusion.ratio(&all));
        lesson.say(conclusion.verdict(&all));
    }
    let python = python_race(&mut lesson, per_thread, runs);
    python.iter().for_each(|line| lesson.say(line));
    std::process::exit(lesson.finish());
}
