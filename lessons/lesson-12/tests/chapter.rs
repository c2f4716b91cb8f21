//! Facts the chapter states about the lesson's code.

use std::time::Duration;

use instruments::process::WorkerCommand;
use lesson_12::exercises::choose;
use lesson_12::*;

fn workload(items: u64, cpu_ms: u64, wait_ms: u64, may_crash: bool) -> Workload {
    Workload {
        items,
        cpu_per_item: Duration::from_millis(cpu_ms),
        wait_per_item: Duration::from_millis(wait_ms),
        may_crash,
    }
}

#[test]
fn the_tree_picks_what_the_chapter_says_and_the_answer_agrees() {
    let cases = [
        (workload(5, 0, 1000, false), Model::Threads),
        (workload(4, 1000, 0, false), Model::Rayon),
        (workload(10_000, 0, 1000, false), Model::Tokio),
        (workload(100_000, 0, 1000, false), Model::Tokio),
        (workload(12, 40, 200, false), Model::TokioRayon),
        (workload(200, 10, 0, true), Model::Processes),
    ];
    for (work, model) in cases {
        assert_eq!(tree(&work).0, model, "{work:?}");
        assert_eq!(choose(&work), model, "{work:?}");
    }
}

#[test]
fn the_default_pool_and_the_least_times() {
    assert_eq!((pool_size(2), pool_size(4), pool_size(64)), (6, 8, 32));
    let waits = workload(100, 0, 20, false);
    assert_eq!(lower_bound(Model::Rayon, &waits, 2), Duration::from_secs(1));
    assert_eq!(
        lower_bound(Model::ThreadPool, &waits, 2),
        Duration::from_millis(340)
    );
    assert_eq!(
        lower_bound(Model::Threads, &waits, 2),
        Duration::from_millis(20)
    );
    assert_eq!(
        lower_bound(Model::Sequential, &waits, 2),
        Duration::from_secs(2)
    );
}

#[test]
fn every_model_computes_the_same_sum() {
    let models = Models::new(WorkerCommand::new(env!("CARGO_BIN_EXE_lesson-12")).arg(WORKER));
    let items = Item::sleeping(6, Duration::from_millis(2), 10_000);
    let sums: Vec<u64> = Model::ALL
        .iter()
        .map(|m| models.run(*m, &items, None).expect("every model runs"))
        .collect();
    assert!(sums.iter().all(|s| *s == sums[0]), "{sums:?}");
    assert_eq!(sums[0], 6 * instruments::work::sum_of_squares(10_000));
}
