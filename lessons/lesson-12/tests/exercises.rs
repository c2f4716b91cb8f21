//! Checks for lesson 12's exercise: `cargo test -p lesson-12`.
//!
//! Two kinds of check. The timed ones run the learner's pick on a small instance, here, in
//! this process, and then every other model that could beat it by the margin (a model whose
//! least possible time, from how many items it waits on and computes at once, is already too
//! long cannot, so it is not run). Each time is the best of several runs (five for the pick,
//! three for the others: the run least disturbed by other programs), the timed checks run one
//! at a time, and the pick passes when it is within 4x + 50 ms of the best measured: the
//! instances are ones where a wrong model is ten times slower or more, so a busy machine does
//! not change the verdict. The other checks
//! follow from facts rather than timings (100,000 waits at once; code that may crash).

use std::sync::{Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use instruments::check::within;
use instruments::process::WorkerCommand;
use lesson_12::exercises::choose;
use lesson_12::{Item, Model, Models, WORKER, Workload, lower_bound, pool_size};

const CHOOSE: &str = "exercise 12.1 `choose` (lessons/lesson-12/src/exercises/choose.rs)";
/// The pick passes within `MARGIN` times the best measured, plus `SLACK`.
const MARGIN: f64 = 4.0;
const SLACK: Duration = Duration::from_millis(50);

/// The models, made once for the checks of this process (a runtime, the clients).
fn models() -> &'static Models {
    static MODELS: OnceLock<Models> = OnceLock::new();
    MODELS.get_or_init(|| {
        Models::new(WorkerCommand::new(env!("CARGO_BIN_EXE_lesson-12")).arg(WORKER))
    })
}

/// The learner's pick, with a verdict in seconds if `choose` never returns.
fn pick(workload: Workload) -> Model {
    within(CHOOSE, Duration::from_secs(5), move || choose(&workload))
}

/// The best of `runs` runs (fewer, once one is over a second: it is slow for sure).
fn time(model: Model, items: &[Item], runs: usize) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..runs {
        let started = Instant::now();
        let outcome = models().run(model, items, None);
        best = best.min(started.elapsed());
        if let Err(error) = outcome {
            panic!(
                "\n{CHOOSE}: the {} model failed here: {error}\n",
                model.name()
            );
        }
        if best > Duration::from_secs(1) {
            break;
        }
    }
    best
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

/// Times the pick, then the models that could beat it by the margin; fails with what was
/// measured and why the pick is slow here.
fn judge(what: &str, workload: Workload, items: &[Item], why: impl Fn(Model) -> String) {
    // One timed check at a time: two measuring side by side would disturb each other.
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(PoisonError::into_inner);
    let chosen = pick(workload);
    let cores = models().cores();
    let picked = time(chosen, items, 5);
    let mut measured = vec![(chosen, picked)];
    let mut skipped = Vec::new();
    for model in Model::ALL.into_iter().filter(|m| *m != chosen) {
        let least = lower_bound(model, &workload, cores);
        if least.mul_f64(MARGIN) + SLACK < picked {
            measured.push((model, time(model, items, 3)));
        } else {
            skipped.push((model, least));
        }
    }
    let &(best, fastest) = measured.iter().min_by_key(|(_, t)| *t).expect("the pick");
    if picked <= fastest.mul_f64(MARGIN) + SLACK {
        return;
    }
    let mut table = String::new();
    for (model, t) in &measured {
        let ratio = t.as_secs_f64() / fastest.as_secs_f64().max(1e-9);
        table += &format!("  {:<14} {:>10}  {ratio:>6.1}x\n", model.name(), ms(*t));
    }
    for (model, least) in &skipped {
        table += &format!("  {:<14} not run: at least {}\n", model.name(), ms(*least));
    }
    panic!(
        "\n{CHOOSE}: for {what}, you chose {} and it took {}: {:.1}x the best measured here \
         ({}, {}). A pass needs at most {MARGIN}x the best + {} ms.\nMeasured on this machine \
         ({cores} cores), the best of five runs for your pick, of three for the others:\n{table}Why {} is slow here: {}\n",
        chosen.name(),
        ms(picked),
        picked.as_secs_f64() / fastest.as_secs_f64().max(1e-9),
        best.name(),
        ms(fastest),
        SLACK.as_millis(),
        chosen.name(),
        why(chosen),
    );
}

#[test]
fn exercise_12_1_many_waits_timed() {
    let (n, wait) = (100, Duration::from_millis(20));
    let workload = Workload {
        items: n,
        cpu_per_item: Duration::ZERO,
        wait_per_item: wait,
        may_crash: false,
    };
    let cores = models().cores();
    let why = |model: Model| match model {
        Model::Sequential => "one wait after another: 100 x 20 ms.".to_owned(),
        Model::ThreadPool => format!(
            "a pool of min(32, cores + 4) = {} threads (`ThreadPoolExecutor()`'s default) \
             waits {0} at a time: the waits take turns, {} rounds of 20 ms. A pool sized for \
             the cores is the wrong size for waits.",
            pool_size(cores),
            n.div_ceil(pool_size(cores) as u64),
        ),
        Model::Rayon => format!(
            "rayon has one thread a core ({cores} here), and a thread that waits holds its \
             core's thread: the waits take turns, {cores} at a time. rayon is for computing."
        ),
        Model::Processes => format!(
            "a pool of one worker process a core waits {cores} at a time (the waits take \
             turns), after starting its processes. Processes contain crashes; they do not \
             make waiting cheaper."
        ),
        _ => "it should not be: measure again on a quieter machine.".to_owned(),
    };
    let items = Item::sleeping(n, wait, 0);
    judge("100 waits of 20 ms, no computing", workload, &items, why);
}

#[test]
fn exercise_12_1_tiny_cpu_items_timed() {
    let n = 20_000;
    let cpu = Duration::from_nanos(250);
    let workload = Workload {
        items: n,
        cpu_per_item: cpu,
        wait_per_item: Duration::ZERO,
        may_crash: false,
    };
    let why = |model: Model| match model {
        Model::Threads => "a thread per item: starting and joining 20,000 threads costs far \
                           more than the quarter of a microsecond of work each holds. A pool of \
                           threads started once (rayon) shares the items out."
            .to_owned(),
        Model::Processes => "each item went through a pipe to a worker process as a JSON line \
                             and came back the same way: that round trip costs far more than \
                             the work. Python pays it (pickling) to escape the GIL; Rust has \
                             no GIL to escape, so threads share the cores without it."
            .to_owned(),
        Model::Tokio | Model::TokioRayon => "a task per item: spawning and joining 20,000 \
                                             tasks costs more than the work; CPU work wants a \
                                             CPU pool, not a runtime built for waiting."
            .to_owned(),
        _ => "it should not be: measure again on a quieter machine.".to_owned(),
    };
    let terms = instruments::work::calibrate(cpu);
    let items = Item::sleeping(n, Duration::ZERO, terms);
    let what = "20,000 items of a quarter of a microsecond of computing each";
    judge(what, workload, &items, why);
}

/// A fact case: the pick must be one of `right`, or the check fails with `why`.
#[track_caller]
fn expect(case: &str, workload: Workload, right: &[Model], why: impl Fn(Model) -> String) {
    let chosen = pick(workload);
    let names: Vec<&str> = right.iter().map(|m| m.name()).collect();
    assert!(
        right.contains(&chosen),
        "\n{CHOOSE}: for {case}, you chose {}; wanted {}. {}\n",
        chosen.name(),
        names.join(" or "),
        why(chosen),
    );
}

#[test]
fn exercise_12_1_100000_waits_at_once() {
    let cores = instruments::cores();
    // Not only at 100,000: a "very many" of the answer's own, set at the check's number, would
    // give 20,000 waits 20,000 threads.
    for items in [100_000, 20_000] {
        let workload = Workload {
            items,
            cpu_per_item: Duration::ZERO,
            wait_per_item: Duration::from_secs(1),
            may_crash: false,
        };
        let many = instruments::runs::thousands(items);
        let why = |model: Model| match model {
            Model::Threads => format!(
                "{many} threads at once: each reserves a stack (2 MiB of address space by \
                 default) and costs the kernel a task, and the system caps the threads a user \
                 may have. A tokio task is a few hundred bytes: thousands of waits are what \
                 async is for; {many} of them wait together on a few threads."
            ),
            other => format!(
                "with {other} the waits take turns: at least {:.0} s for {many} waits of 1 s \
                 here ({cores} cores), against about 1 s when they all wait at once.",
                lower_bound(other, &workload, cores).as_secs_f64(),
                other = other.name(),
            ),
        };
        let case = format!("{many} waits of 1 s at once");
        expect(&case, workload, &[Model::Tokio, Model::TokioRayon], why);
    }
}

#[test]
fn exercise_12_1_code_that_may_crash() {
    let workload = Workload {
        items: 200,
        cpu_per_item: Duration::from_millis(10),
        wait_per_item: Duration::ZERO,
        may_crash: true,
    };
    let why = |_: Model| {
        "The items' code may crash: an abort, a segfault in a C library, a stack overflow in a \
         thread or a task ends the whole process, and every other item with it (a panic can be \
         caught; these cannot). Only a process boundary contains a crash: a worker process \
         dies alone, and its pool starts another (lesson 09)."
            .to_owned()
    };
    expect(
        "200 items whose code may crash",
        workload,
        &[Model::Processes],
        why,
    );
    // The question comes first whatever the work is: downloads whose parsing may crash too.
    let workload = Workload {
        items: 1_000,
        cpu_per_item: Duration::ZERO,
        wait_per_item: Duration::from_millis(100),
        may_crash: true,
    };
    let case = "1,000 downloads of 100 ms whose code may crash";
    expect(case, workload, &[Model::Processes], why);
}

#[test]
fn exercise_12_1_long_cpu_jobs() {
    let workload = Workload {
        items: 8,
        cpu_per_item: Duration::from_secs(1),
        wait_per_item: Duration::ZERO,
        may_crash: false,
    };
    let why = |model: Model| match model {
        Model::Sequential => "Sequential uses one core; with no GIL, threads share the cores, \
                              so 8 jobs of 1 s take 8 s / cores."
            .to_owned(),
        _ => "A task that computes for 1 s without an `.await` holds one of the runtime's \
              threads for that second: every other task on it (timers, sockets, a server's \
              requests) waits. The runtime's threads are for waiting: hand CPU work to rayon \
              (or `spawn_blocking`); the pitfall \"a blocking call inside async\" measures it."
            .to_owned(),
    };
    let right = [
        Model::Rayon,
        Model::Threads,
        Model::ThreadPool,
        Model::TokioRayon,
        Model::Processes,
    ];
    expect("8 jobs of 1 s of computing", workload, &right, why);
}

#[test]
fn exercise_12_1_a_pipeline_of_100000_downloads() {
    // Two mixes, each well inside the band where an item computes for a fair share of what it
    // waits (a fifth): the ratio decides, not an amount of computing of the answer's own.
    for (cpu_ms, wait_ms) in [(20, 100), (2, 10)] {
        let workload = Workload {
            items: 100_000,
            cpu_per_item: Duration::from_millis(cpu_ms),
            wait_per_item: Duration::from_millis(wait_ms),
            may_crash: false,
        };
        let cores = instruments::cores();
        let why = |model: Model| match model {
            Model::Tokio => format!(
                "Each item also computes for {cpu_ms} ms, inside its task: that holds one of \
                 the runtime's threads, and the 100,000 downloads' sockets and timers wait \
                 while the runtime computes. Waits on tasks, computing on a CPU pool: hand each \
                 item's computing to rayon."
            ),
            Model::Threads => "100,000 threads at once: each reserves a stack and costs the \
                               kernel a task, and the system caps the threads a user may have."
                .to_owned(),
            other => format!(
                "with {} the downloads take turns: at least {:.0} s here ({cores} cores), where \
                 the waits could all overlap and only the computing need share the cores.",
                other.name(),
                lower_bound(other, &workload, cores).as_secs_f64(),
            ),
        };
        let case = format!("100,000 downloads of {wait_ms} ms, each then {cpu_ms} ms of computing");
        expect(&case, workload, &[Model::TokioRayon], why);
    }
}
