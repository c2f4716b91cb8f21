//! Facts the chapter states about the lesson's code.

use instruments::Recorder;
use instruments::process::WorkerCommand;
use instruments::process::{Death, WorkerError};
use lesson_09::*;

/// The lesson's binary in worker mode (in a test, `current_exe` is the test itself).
fn lesson() -> WorkerCommand {
    WorkerCommand::new(env!("CARGO_BIN_EXE_lesson-09")).arg(WORKER)
}

#[test]
fn a_child_counts_in_its_own_memory_a_thread_in_ours() {
    let seen = separate_memory(&lesson(), 10);
    assert_eq!(seen.in_child, 10);
    assert_eq!(seen.in_parent_after_child, 0);
    assert_eq!(seen.in_parent_after_thread, 10);
}

#[test]
fn an_abort_ends_only_its_own_process() {
    let (error, answer) = abort_in_worker(&lesson());
    assert!(
        matches!(
            error,
            WorkerError::Died {
                death: Death::Aborted,
                ..
            }
        ),
        "{error}"
    );
    assert_eq!(answer.job, 1);
    let thread = abort_in_thread(&lesson());
    assert_eq!(thread.death, Death::Aborted);
    assert!(!thread.main_went_on);
}

#[test]
fn the_pools_compute_what_one_thread_computes() {
    let jobs = cpu_jobs(4, 10_000);
    let recorder = Recorder::new();
    let one = sequential(&jobs, &recorder);
    assert_eq!(rayon_threads(&jobs, &recorder), one);
    assert_eq!(pool_of_processes(&lesson(), &jobs, 2, &recorder), one);
    let rows = recorder.spans_labelled("job");
    assert!(
        rows.iter().any(|s| s.task.starts_with("process ")),
        "{rows:?}"
    );
}

#[test]
fn a_worker_echoes_over_its_pipes() {
    let recorder = Recorder::new();
    pipe_round_trips(20, &lesson(), &recorder);
    assert_eq!(recorder.spans().len(), 1);
}

#[test]
fn a_python_worker_speaks_the_same_json_lines() {
    match python_worker(&lesson(), 1_000) {
        Ok((python, rust)) => {
            assert_eq!(python.value, rust.value);
            assert_ne!(python.pid, rust.pid);
        }
        Err(WorkerError::Start(_)) => {} // no python3 on this machine: the lesson says so
        Err(other) => panic!("{other}"),
    }
}
