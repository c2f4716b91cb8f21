//! Lesson 07: pools and data parallelism, measured.
//!
//! The tutorials' `compute_heavy` over [10M, 20M, 30M] one after another and with rayon's
//! `par_iter` (answers in input order; also largest first); uneven jobs (one of 120M terms,
//! 30 of 4M) in fixed slices vs by work stealing (`rayon::join`); 50 downloads of 200 ms on a
//! pool of 6 (Python's default size here) vs 50, and in CPython (`python/default_pool.py`,
//! if `python3` is on PATH); one CPU job on 1, 2, 4, 64 and 1000 threads; and the headline,
//! the speedup curve for 1..cores workers (and twice the cores): a table,
//! `derived.speedup_curve` in `--json`, `speedup.svg` beside `--svg FILE`. CPU runs: best of 7.
//!
//! Run it: `cargo run -p lesson-07` (add `--quick`, `--json`, `--svg FILE`, `--trace FILE`).

use instruments::compare::{Comparison, Keep};
use instruments::timeline::{draw, terminal_width};
use instruments::{Lesson, Recorder};
use lesson_07::verdicts::{CPU_THREADS, Measured, Sizes, columns};
use lesson_07::{compute_all_parallel as parallel, compute_all_sequential as sequential};
use lesson_07::{download_all, speedup_curve, speedup_svg, split_over_threads, static_slices};
use lesson_07::{work_stealing, worker_pool};

fn main() {
    let mut lesson = Lesson::start("lesson-07", "Pools and data parallelism");
    let s = Sizes::new(lesson.cores(), lesson.quick());
    let (n, (downloads, latency)) = (s.best_of, s.downloads);
    // Every pool's threads start here, before any clock runs.
    let (pool, six, fifty) = (&worker_pool(s.cores), worker_pool(6), worker_pool(50));
    let on = |pool| move |r: &Recorder| download_all(pool, downloads, latency, r);
    let par = |jobs| move |r: &Recorder| parallel(pool, jobs, r);
    let heavy = Comparison::new()
        .variant("sequential", "sequential", |r| sequential(&s.heavy, r))
        .variant("par_iter", "rayon par_iter", par(&s.heavy))
        .variant("largest_first", "rayon, largest first", par(&s.descending))
        .repeats(n, Keep::Best)
        .run();
    let uneven = Comparison::new()
        .variant("fixed_slices", "uneven: fixed slices", |r| {
            static_slices(&s.uneven, s.cores, r)
        })
        .variant("work_stealing", "uneven: work stealing", |r: &Recorder| {
            pool.install(|| work_stealing(&s.uneven, r))
        })
        .repeats(n, Keep::Best)
        .run();
    let io = Comparison::new()
        .variant("io_6_workers", "I/O: 6 workers", on(&six))
        .variant("io_50_workers", "I/O: 50 workers", on(&fifty))
        .run();
    let mut cpu = Comparison::new();
    for (key, threads) in CPU_THREADS {
        let run = move |r: &Recorder| split_over_threads(s.split, threads, r);
        cpu = cpu.variant(key, Sizes::cpu_name(threads), run);
    }
    let cpu = cpu.repeats(n, Keep::Best).run();
    let curve = speedup_curve(s.cores, 2 * n, |pool, r| parallel(pool, &s.curve, r));

    heavy.report(&mut lesson, columns("sequential"), |_| Vec::new());
    uneven.report(&mut lesson, columns("fixed_slices"), |_| Vec::new());
    io.rows(&mut lesson, columns("io_6_workers"), |_| Vec::new());
    cpu.rows(&mut lesson, columns("cpu_1_thread"), |_| Vec::new());
    lesson.say(s.heading());
    lesson.draw_timelines();
    lesson.say(s.downloads_heading());
    lesson.say(draw(&io.get("io_6_workers").spans, terminal_width()));
    lesson.print_table();

    assert_eq!(heavy.get("sequential").value, heavy.get("par_iter").value);
    Measured::new(&s, (&heavy, &uneven), (&io, &cpu), &curve).report(&mut lesson);
    lesson.picture("speedup", speedup_svg(&curve, s.cores));
    std::process::exit(lesson.finish());
}
