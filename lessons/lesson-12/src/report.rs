//! The lesson's measurements and what it says about them: the workloads ([`benches`]), one row
//! of the decision table measured ([`measure`]), the table drawn ([`grid`]), the verdicts
//! ([`verdict`]), the tutorials' Python beside Rust ([`python`]), the pitfalls ([`pitfalls`]).

use std::time::{Duration, Instant};

use instruments::compare::{Comparison, Keep};
use instruments::runs::thousands;
use instruments::site::Server;
use instruments::timeline::format_duration as show;
use instruments::{Lesson, Measurement, Recorder, python};
use serde_json::{Map, Value, json};

use crate::{Item, Model, Models, Workload, lower_bound, pool_size, tree};

/// The 1-minute load average (Linux), or `None`.
pub fn load_average() -> Option<f64> {
    let load = std::fs::read_to_string("/proc/loadavg").ok()?;
    load.split_whitespace().next()?.parse().ok()
}

/// One workload of the table: what the tree sees, the items the models run, how often.
#[derive(Debug, Clone)]
pub struct Bench {
    pub key: &'static str,
    /// The table's column head.
    pub head: String,
    /// The workload in words.
    pub name: String,
    pub workload: Workload,
    pub items: Vec<Item>,
    pub repeats: usize,
    pub keep: Keep,
    /// Record spans (for the timelines): only for small batches.
    pub record: bool,
}

/// The lesson's sizes: full, or `--quick`.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    pub quick: bool,
    pub download: Duration,
    pub cpu_job: Duration,
    pub many_wait: Duration,
    pub mixed_items: u64,
    pub mixed_wait: Duration,
    pub mixed_cpu: Duration,
    /// A model whose least possible time is over this is not run.
    pub budget: Duration,
    /// Python's `compute(n)` size.
    pub python_size: u64,
    /// The load average when the lesson started (before its own threads add to it).
    pub load: Option<f64>,
}

impl Sizes {
    pub fn new(quick: bool) -> Sizes {
        let ms = Duration::from_millis;
        Sizes {
            quick,
            download: if quick { ms(100) } else { ms(1000) },
            cpu_job: if quick { ms(20) } else { ms(125) },
            many_wait: if quick { ms(100) } else { ms(1000) },
            mixed_items: if quick { 8 } else { 12 },
            mixed_wait: if quick { ms(50) } else { ms(200) },
            mixed_cpu: if quick { ms(10) } else { ms(40) },
            budget: if quick { ms(1000) } else { ms(6000) },
            python_size: if quick { 500_000 } else { 5_000_000 },
            load: load_average(),
        }
    }
}

// ANCHOR: benches
/// The four workloads: the tutorials' I/O benchmark (5 downloads of the server's 1 s page),
/// their CPU benchmark (4 jobs, scaled to `terms` a job), 10,000 waits at once, and the mixed
/// pipeline (downloads, each followed by computing).
pub fn benches(sizes: &Sizes, server: &Server, terms: u64, mixed_terms: u64) -> Vec<Bench> {
    let s = sizes;
    let work = |items, cpu, wait| Workload {
        items,
        cpu_per_item: cpu,
        wait_per_item: wait,
        may_crash: false,
    };
    let (none, url) = (Duration::ZERO, server.delay_url(s.download));
    let mixed_urls = (0..s.mixed_items).map(|_| server.delay_url(s.mixed_wait));
    let bench = |key, head: String, name: String, workload, items, repeats, keep| Bench {
        key,
        head,
        name,
        workload,
        items,
        repeats,
        keep,
        record: key == "mixed",
    };
    let (d, c, w) = (short(s.download), short(s.cpu_job), short(s.many_wait));
    let (mw, mc, mn) = (short(s.mixed_wait), short(s.mixed_cpu), s.mixed_items);
    vec![
        bench(
            "io",
            format!("I/O 5 x {d}"),
            format!("5 downloads of {d} (the server's /delay page)"),
            work(5, none, s.download),
            Item::downloading(vec![url; 5], 0),
            1,
            Keep::Median,
        ),
        bench(
            "cpu",
            format!("CPU 4 x {c}"),
            format!(
                "4 jobs of {c} of computing ({} terms each)",
                thousands(terms)
            ),
            work(4, s.cpu_job, none),
            Item::sleeping(4, none, terms),
            3,
            Keep::Best,
        ),
        bench(
            "waits",
            "10,000 waits".to_owned(),
            format!("10,000 waits of {w} at once"),
            work(10_000, none, s.many_wait),
            Item::sleeping(10_000, s.many_wait, 0),
            1,
            Keep::Median,
        ),
        bench(
            "mixed",
            format!("mixed {mn} x"),
            format!("{mn} downloads of {mw}, each then {mc} of computing"),
            work(mn, s.mixed_cpu, s.mixed_wait),
            Item::downloading(mixed_urls, mixed_terms),
            1,
            Keep::Median,
        ),
    ]
}
// ANCHOR_END: benches

/// One cell of the table.
#[derive(Debug, Clone)]
pub enum Cell {
    /// Measured (the kept run), with its spans.
    Ran(Duration),
    /// Not run: it cannot take less than this, which is over the budget.
    NotRun(Duration),
    /// It failed (a thread that could not start, a download that failed).
    Failed(String),
}

/// One row of the decision table: each model's cell, the best, the tree's pick.
#[derive(Debug, Clone)]
pub struct Row {
    pub bench: Bench,
    pub cells: Vec<(Model, Cell)>,
    pub best: (Model, Duration),
    pub pick: (Model, &'static str),
}

impl Row {
    /// The pick's time over the best (1.0: the pick was the best).
    pub fn pick_ratio(&self) -> f64 {
        match self.cell(self.pick.0) {
            Cell::Ran(t) => t.as_secs_f64() / self.best.1.as_secs_f64().max(1e-9),
            _ => f64::INFINITY,
        }
    }

    pub fn cell(&self, model: Model) -> &Cell {
        let found = self.cells.iter().find(|(m, _)| *m == model);
        &found.expect("every model has a cell").1
    }

    /// Models within 10% of the best.
    pub fn near_best(&self) -> Vec<&'static str> {
        let near = |t: &Duration| t.as_secs_f64() <= self.best.1.as_secs_f64() * 1.1;
        let each = self.cells.iter();
        each.filter(|(_, c)| matches!(c, Cell::Ran(t) if near(t)))
            .map(|(m, _)| m.name())
            .collect()
    }
}

// ANCHOR: measure
/// Runs every model on one workload (in turns, `repeats` times, keeping the median or the
/// best run) except those whose least possible time is over the budget.
pub fn measure(lesson: &mut Lesson, models: &Models, bench: Bench, budget: Duration) -> Row {
    let cores = models.cores();
    let runnable = |m: &Model| lower_bound(*m, &bench.workload, cores) <= budget;
    let mut comparison = Comparison::new();
    for model in Model::ALL.into_iter().filter(runnable) {
        let (items, record) = (&bench.items, bench.record);
        comparison = comparison.variant(model.key(), model.name(), move |r: &Recorder| {
            models.run(model, items, record.then_some(r))
        });
    }
    let compared = comparison.repeats(bench.repeats, bench.keep).run();
    let cells: Vec<(Model, Cell)> = Model::ALL
        .into_iter()
        .map(
            |model| match compared.outcomes.iter().find(|o| o.key == model.key()) {
                None => (
                    model,
                    Cell::NotRun(lower_bound(model, &bench.workload, cores)),
                ),
                Some(o) => match &o.value {
                    Ok(_) => (model, Cell::Ran(o.elapsed)),
                    Err(e) => (model, Cell::Failed(e.clone())),
                },
            },
        )
        .collect();
    let ran = cells.iter().filter_map(|(m, c)| match c {
        Cell::Ran(t) => Some((*m, *t)),
        _ => None,
    });
    let best = ran
        .min_by_key(|(_, t)| *t)
        .unwrap_or((Model::Sequential, Duration::MAX));
    for o in compared.outcomes.iter().filter(|o| o.value.is_ok()) {
        let name = format!("{}: {}", bench.key, o.name);
        let key = format!("{}_{}", bench.key, o.key);
        let ratio = o.elapsed.as_secs_f64() / best.1.as_secs_f64().max(1e-9);
        lesson.measure(
            Measurement::new(name, o.elapsed)
                .key(&key)
                .with("ratio_to_best", ratio),
        );
        if bench.record && matches!(o.key, "tokio_rayon" | "rayon") {
            lesson.timeline(format!("mixed, {}", o.name), o.spans.clone());
        }
    }
    let pick = tree(&bench.workload);
    Row {
        bench,
        cells,
        best,
        pick,
    }
}
// ANCHOR_END: measure

fn cell_text(row: &Row, model: Model) -> String {
    let mark = if row.pick.0 == model { " *" } else { "  " };
    match row.cell(model) {
        Cell::Ran(t) => {
            let ratio = t.as_secs_f64() / row.best.1.as_secs_f64().max(1e-9);
            format!("{} x{ratio:.1}{mark}", show(*t))
        }
        Cell::NotRun(least) => format!(">{}{mark}", short(*least)),
        Cell::Failed(_) => format!("failed{mark}"),
    }
}

/// A duration for a cell or a head: whole seconds as `1 s`, and from 10 s up.
pub fn short(d: Duration) -> String {
    match d.as_secs_f64() {
        s if s >= 10.0 || (s >= 1.0 && d.subsec_nanos() == 0) => format!("{s:.0} s"),
        _ => show(d),
    }
}

/// The decision table: a row per model, a column per workload; each cell the time and the
/// ratio to the best in its column; `*` the tree's pick; `>` not run, the least it could take.
pub fn grid(lesson: &Lesson, rows: &[Row]) {
    let mut text = format!("{:<13}", "model");
    for row in rows {
        text += &format!("{:>16}", row.bench.head);
    }
    for model in Model::ALL {
        text += &format!("\n{:<13}", model.name());
        for row in rows {
            text += &format!("{:>16}", cell_text(row, model));
        }
    }
    lesson.say(text);
    lesson.say(
        "(x: time over the best in its column; *: the tree's pick; >: not run, the least it \
         could take, over the budget)",
    );
}

/// The `decision_table` for `--json`: per workload each model's seconds (null: not run or
/// failed), the least a model not run could take, the best, the tree's pick, and whether the
/// pick is within 10% of the best.
pub fn decision_table(rows: &[Row]) -> Value {
    let mut table = Map::new();
    for row in rows {
        let (mut seconds, mut least) = (Map::new(), Map::new());
        for (model, cell) in &row.cells {
            let value = match cell {
                Cell::Ran(t) => json!(t.as_secs_f64()),
                Cell::NotRun(l) => {
                    least.insert(model.key().to_owned(), json!(l.as_secs_f64()));
                    Value::Null
                }
                Cell::Failed(_) => Value::Null,
            };
            seconds.insert(model.key().to_owned(), value);
        }
        let ratio = row.pick_ratio();
        table.insert(
            row.bench.key.to_owned(),
            json!({
                "workload": row.bench.name,
                "seconds": seconds,
                "not_run_least_seconds": least,
                "best": row.best.0.key(),
                "best_seconds": row.best.1.as_secs_f64(),
                "pick": row.pick.0.key(),
                "pick_ratio_to_best": if ratio.is_finite() { json!(ratio) } else { Value::Null },
                "pick_within_10_percent": ratio <= 1.1,
            }),
        );
    }
    Value::Object(table)
}

/// Why a measured row may disagree with the tree: what the timing of this size cannot show.
fn why_not_fastest(key: &str) -> &'static str {
    match key {
        "io" => {
            "every model that waits on all 5 at once takes about one wait; what is left \
                 is a thread's or a task's start, microseconds against a wait of a second, and \
                 the machine's noise"
        }
        "cpu" => {
            "every model that keeps the cores busy finishes 4 equal jobs in about the \
                  same time, and which one wins by a few percent is the machine's noise; the \
                  tree's reasons are not speed here (rayon splits any number of unequal items \
                  over the cores without a thread each)"
        }
        "waits" => {
            "10,000 threads fit on this machine (a thread's stack is address space, \
                    not memory, until it is used); at 100,000, or with less memory, threads \
                    stop fitting, and tasks do"
        }
        _ => {
            "with this few items, a thread for each item also overlaps the waits and shares \
              the cores; the tree's pick is the one that still holds at thousands of items"
        }
    }
}

/// The verdict on each row, from the typed row: does this machine agree with the tree?
pub fn verdict(lesson: &mut Lesson, rows: &[Row]) {
    let agree = rows.iter().filter(|r| r.pick_ratio() <= 1.1).count();
    lesson.derive("tree_agrees", agree);
    lesson.say(format!(
        "The tree's pick was within 10% of the best in {agree} of {} workloads.",
        rows.len()
    ));
    for row in rows {
        let (pick, reason) = row.pick;
        let ratio = row.pick_ratio();
        let head = format!(
            "{}: the tree picks {} ({reason})",
            row.bench.name,
            pick.name()
        );
        if ratio <= 1.1 {
            lesson.say(format!("- {head}; within 10% of the best here."));
        } else {
            lesson.say(format!(
                "- {head}; here it took {:.0}% longer than the best ({}, {}). Within 10%: {}. \
                 Why the tree still says so: {}.",
                (ratio - 1.0) * 100.0,
                row.best.0.name(),
                show(row.best.1),
                row.near_best().join(", "),
                why_not_fastest(row.bench.key),
            ));
        }
    }
}

/// Runs the tutorials' own programs on the same two benchmarks (the same server page, the
/// tutorials' `compute(5_000_000)`), and sets them beside Rust's row. Without python3 it says so.
pub fn python(lesson: &mut Lesson, url: &str, sizes: &Sizes, rows: &[Row]) {
    let script = python::script(env!("CARGO_MANIFEST_DIR"), "benchmarks.py");
    let size = sizes.python_size;
    let args = [
        url.to_owned(),
        "5".to_owned(),
        size.to_string(),
        "4".to_owned(),
    ];
    let report = match python::run(&script, &args, Duration::from_secs(180)) {
        Ok(report) => report,
        Err(why) => {
            lesson.say(format!(
                "The tutorials' Python programs did not run: {why}."
            ));
            return;
        }
    };
    let version = report["python"].as_str().unwrap_or("?").to_owned();
    lesson.derive("python_version", version.clone());
    let ways = ["sequential", "threads", "processes", "asyncio"];
    let mut text = format!(
        "The tutorials' programs, Python {version}, this machine (5 downloads of {}; 4 x \
         compute({}), best of 3 runs):\n{:<13}{:>16}{:>16}",
        short(sizes.download),
        thousands(size),
        "python",
        "I/O 5 downloads",
        "CPU 4 jobs"
    );
    let mut best = [f64::INFINITY; 2];
    for (i, bench) in ["io", "cpu"].iter().enumerate() {
        for way in ways {
            if let Some(t) = python::seconds(&report, &format!("{bench}_{way}")) {
                best[i] = best[i].min(t.as_secs_f64());
            }
        }
    }
    for way in ways {
        text += &format!("\n{way:<13}");
        for (i, bench) in ["io", "cpu"].iter().enumerate() {
            let key = format!("python_{bench}_{way}");
            let Some(t) = python::seconds(&report, &format!("{bench}_{way}")) else {
                text += &format!("{:>16}", "-");
                continue;
            };
            let ratio = t.as_secs_f64() / best[i];
            text += &format!("{:>16}", format!("{} x{ratio:.1}", show(t)));
            let name = format!("python {bench}: {way}");
            lesson.measure(
                Measurement::new(name, t)
                    .key(&key)
                    .with("ratio_to_best", ratio),
            );
        }
    }
    lesson.say(text);
    gil(lesson, &report, sizes, rows);
}

/// The GIL, measured: Python's threads against its sequential run on the CPU benchmark, and
/// Rust's; and what one term of `compute` costs in each.
fn gil(lesson: &mut Lesson, report: &Value, sizes: &Sizes, rows: &[Row]) {
    let seconds = |key: &str| python::seconds(report, key).map(|t| t.as_secs_f64());
    let (Some(seq), Some(threads)) = (seconds("cpu_sequential"), seconds("cpu_threads")) else {
        return;
    };
    let Some(cpu) = rows.iter().find(|r| r.bench.key == "cpu") else {
        return;
    };
    let rust = |m| match cpu.cell(m) {
        Cell::Ran(t) => t.as_secs_f64(),
        _ => f64::NAN,
    };
    let (rust_speedup, python_speedup) = (
        rust(Model::Sequential) / rust(Model::Threads),
        seq / threads,
    );
    lesson.derive("python_cpu_threads_speedup", python_speedup);
    lesson.derive("rust_cpu_threads_speedup", rust_speedup);
    let terms = (cpu.bench.items.len() as u64 * cpu.bench.items[0].terms) as f64;
    let python_terms = 4.0 * sizes.python_size as f64;
    let per_term = (seq / python_terms) / (rust(Model::Sequential) / terms);
    lesson.derive("python_term_over_rust_term", per_term);
    let cores = instruments::cores();
    let busy = match sizes.load {
        Some(load) if load > cores as f64 => format!(
            " The machine was busy (load average {load:.1} on {cores} cores as the lesson \
             started): other programs had their turns on the cores, so no parallel run here \
             got them to itself, in either language. On a quiet machine Rust's threads come \
             near one job's time divided by the cores; Python's stay near one after another."
        ),
        _ => String::new(),
    };
    lesson.say(format!(
        "The GIL, measured: Python's threads ran its 4 jobs {python_speedup:.1}x as fast as \
         one after another; Rust's std threads ran theirs {rust_speedup:.1}x as fast. And one \
         term of compute cost {per_term:.0}x as much in Python as in Rust.{busy}"
    ));
}

/// The tutorials' pitfalls, measured: too many workers on a CPU job, the default pool on 50
/// downloads, and a blocking call inside async.
pub fn pitfalls(lesson: &mut Lesson, models: &Models, server: &Server, s: &Sizes, terms: u64) {
    let cores = models.cores();
    let pieces = Item::sleeping(1000, Duration::ZERO, (4 * terms / 1000).max(1));
    let wait = if s.quick { 50 } else { 200 };
    let page = server.delay_url(Duration::from_millis(wait));
    let downloads = Item::downloading(vec![page; 50], 0);
    let time = |run: &dyn Fn()| {
        let started = Instant::now();
        run();
        started.elapsed()
    };
    let run = |model, items: &[Item]| {
        let outcome = models.run(model, items, None);
        if let Err(e) = outcome {
            lesson.say(format!("(a pitfall's run failed: {e})"));
        }
    };
    let best_of_3 = |f: &dyn Fn()| (0..3).map(|_| time(f)).min().unwrap_or_default();
    let thousand = best_of_3(&|| run(Model::Threads, &pieces));
    let few = best_of_3(&|| run(Model::Rayon, &pieces));
    let pool = time(&|| run(Model::ThreadPool, &downloads));
    let fifty = time(&|| run(Model::Threads, &downloads));
    let rt = models.runtime();
    let wait = Duration::from_millis(wait);
    let blocked = time(&|| crate::tasks_that_wait(rt, 10, wait, true));
    let awaited = time(&|| crate::tasks_that_wait(rt, 10, wait, false));
    let p = pool_size(cores);
    let pairs = [
        (
            "pitfall_1000_threads",
            "CPU job in 1000 pieces, 1000 threads".to_owned(),
            thousand,
        ),
        (
            "pitfall_rayon",
            format!("CPU job in 1000 pieces, rayon ({cores})"),
            few,
        ),
        (
            "pitfall_default_pool",
            format!("50 downloads, default pool ({p})"),
            pool,
        ),
        (
            "pitfall_50_threads",
            "50 downloads, 50 threads".to_owned(),
            fifty,
        ),
        (
            "pitfall_blocking_sleep",
            "10 tasks, std::thread::sleep".to_owned(),
            blocked,
        ),
        (
            "pitfall_awaited_sleep",
            "10 tasks, tokio sleep .await".to_owned(),
            awaited,
        ),
    ];
    for (key, name, t) in pairs {
        lesson.measure(Measurement::new(name, t).key(key));
    }
    let ratio = |a: Duration, b: Duration| a.as_secs_f64() / b.as_secs_f64().max(1e-9);
    let (r1, r2, r3) = (
        ratio(thousand, few),
        ratio(pool, fifty),
        ratio(blocked, awaited),
    );
    lesson.derive("thousand_threads_over_rayon", r1);
    lesson.derive("default_pool_over_50_threads", r2);
    lesson.derive("blocking_over_awaited", r3);
    // On a machine shared with other programs, the kernel shares the cores out by thread:
    // 1000 threads take more turns than 2. Say how busy it was (before the lesson began).
    let load = s.load;
    if let Some(load) = load {
        lesson.derive("load_average", load);
    }
    let thousand_verdict = match (r1 < 1.0, load) {
        (true, Some(load)) => format!(
            "the 1000 threads were faster here: other programs were running (load average \
             {load:.1} on {cores} cores as the lesson started), and the kernel shares the cores out by thread, so \
             1000 threads took more turns than {cores}; on a quiet machine they cost their \
             start and their switches"
        ),
        _ => "no GIL to fight, so what 1000 threads cost is starting them and switching \
              among them"
            .to_owned(),
    };
    lesson.say(format!(
        "Pitfalls, measured:\n- 1000 threads on a CPU job: {} against {} on rayon's {cores} \
         ({r1:.2}x): {thousand_verdict}.\n- the default pool ({p} threads, min(32, cores + 4)) \
         on 50 downloads of {}: {} against {} with 50 threads ({r2:.1}x): the waits took \
         turns, {p} at a time.\n- a blocking call inside async: 10 tasks waiting {} each took \
         {} with std::thread::sleep and {} with tokio::time::sleep(...).await ({r3:.1}x): a \
         blocked task holds one of the runtime's {cores} threads.",
        show(thousand),
        show(few),
        show(wait),
        show(pool),
        show(fifty),
        show(wait),
        show(blocked),
        show(awaited),
    ));
}
