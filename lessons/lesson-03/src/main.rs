//! Lesson 03: race conditions.
//!
//! Four threads add 1 to a shared counter a million times each (100,000 with `--quick`). The
//! racy counter (an atomic `load`, then a `store`) runs ten times (five with `--quick`), and a
//! histogram shows how many updates each run lost; a run that lost nothing says why, from the
//! values its threads wrote. Then the three fixes (`fetch_add`, a `Mutex`, counting locally
//! then summing) are timed against it, and each variant's four threads are drawn as a timeline.
//!
//! Run it: `cargo run --release -p lesson-03` (add `--quick`, `--json`, `--svg FILE`,
//! `--trace FILE`).

use instruments::runs::{median_by_key, thousands, timed};
use instruments::{Lesson, Measurement, Recorder, Summary};
use lesson_03::lost_histogram;
use lesson_03::{count_locally_then_sum, count_racy, count_with_fetch_add, count_with_mutex};

const THREADS: usize = 4;
type Fix = fn(usize, u64, &Recorder) -> u64;
const FIXES: [(&str, Fix); 3] = [
    ("fetch_add", count_with_fetch_add),
    ("Mutex", count_with_mutex),
    ("local then sum", count_locally_then_sum),
];
/// Conclusions: (slower row, faster row, why the slower one is slower), and their JSON keys.
const COMPARISONS: [(usize, usize, &str); 3] = [
    (1, 0, "each fetch_add must own the counter's cache line"),
    (2, 1, "each increment locks and unlocks; waiters may sleep"),
    (1, 3, "local counts share nothing until the end"),
];
const KEYS: [&str; 3] = [
    "fetch_add_vs_racy",
    "mutex_vs_fetch_add",
    "fetch_add_vs_local_then_sum",
];

fn main() {
    let mut lesson = Lesson::start("lesson-03", "Race conditions");
    let quick = lesson.quick();
    let (per_thread, runs, repeats) = if quick {
        (100_000, 5, 3)
    } else {
        (1_000_000, 10, 5)
    };
    let expected = THREADS as u64 * per_thread;
    lesson.say(format!(
        "{THREADS} threads each add 1 to one counter {} times: expected {}.\n\n\
         The racy counter (load, then store), {runs} runs; each bar is the updates a run lost:",
        thousands(per_thread),
        thousands(expected)
    ));

    // Whether a racy run loses updates depends on timing, so it runs several times.
    let racy: Vec<_> = (0..runs)
        .map(|_| timed(|r| count_racy(THREADS, per_thread, r)))
        .collect();
    let lost: Vec<u64> = racy.iter().map(|run| run.value.lost()).collect();
    let losing = lost.iter().filter(|&&lost| lost > 0).count();
    lesson.say(lost_histogram(
        &racy.iter().map(|run| run.value.clone()).collect::<Vec<_>>(),
        40,
    ));
    let typical = median_by_key(racy, |run| run.value.lost());
    let median_lost = 100.0 * typical.value.lost_fraction();
    lesson.derive("racy_lost_per_run", lost);
    lesson.derive("racy_runs_that_lost_updates", losing);
    lesson.derive("racy_median_lost_percent", median_lost);

    // The table: the racy run with the median loss, and each fix's run with the median time.
    let mut rows = vec![(
        "racy load/store",
        typical.elapsed,
        typical.value.counted,
        typical.spans,
    )];
    for (name, fix) in FIXES {
        let tries = (0..repeats)
            .map(|_| timed(|r| fix(THREADS, per_thread, r)))
            .collect();
        let median = median_by_key(tries, |run| run.elapsed);
        rows.push((name, median.elapsed, median.value, median.spans));
    }
    lesson.say(format!(
        "Timelines: the racy run with the median loss, and each fix's median of {repeats} runs. \
         Each has its own time axis; the table compares the times.\n"
    ));
    for (name, elapsed, counted, spans) in &rows {
        let per_increment = elapsed.as_secs_f64() * 1e9 / expected as f64;
        lesson.measure(
            Measurement::new(*name, *elapsed)
                .with("counted", *counted)
                .with("lost", expected - counted)
                .with("ns_per_increment", per_increment)
                .with("threads_used", Summary::of(spans).threads),
        );
        lesson.timeline(format!("{name}: {THREADS} threads"), spans.clone());
        lesson.draw_timelines(); // each on its own scale, so a short run still shows its threads
    }
    lesson.print_table();

    lesson.say(match losing {
        0 => {
            "racy: no run lost an update this time (see above for why); loom still finds the race: \
              cargo test -p lesson-03 --test racy."
                .to_owned()
        }
        n if n == runs => format!("racy: all {runs} runs lost updates (median {median_lost:.1}%)."),
        n => format!(
            "racy: {n} of {runs} runs lost updates (median {median_lost:.1}%), {} lost none: \
             a clean run proves nothing.",
            runs - n
        ),
    });
    let exact = rows[1..].iter().filter(|row| row.2 == expected).count();
    lesson.say(format!(
        "fixes: {exact} of 3 counted exactly {}.",
        thousands(expected)
    ));
    for ((slower, faster, why), key) in COMPARISONS.into_iter().zip(KEYS) {
        let ratio = rows[slower].1.as_secs_f64() / rows[faster].1.as_secs_f64();
        lesson.derive(key, ratio);
        let why = if ratio > 1.0 {
            why
        } else {
            "not slower on this run"
        };
        lesson.say(format!(
            "{} took {ratio:.1}x as long as {}: {why}.",
            rows[slower].0, rows[faster].0
        ));
    }
    std::process::exit(lesson.finish());
}
