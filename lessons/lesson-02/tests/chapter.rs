//! Facts about the code the chapter shows (src/lib.rs). These pass as shipped; the learner's
//! checks are in tests/exercises.rs.

use std::time::Duration;

use instruments::{Recorder, Summary, work};
use lesson_02::{
    Job, bake_in_faulty_oven, fresh_thread_cost, named_bakers, run_on_all_cores, run_on_one_worker,
    smallest_and_largest, sum_chunk, tasks, total_on_thread, worker_pool,
};

#[test]
fn a_moved_vec_is_added_up_on_its_thread() {
    assert_eq!(total_on_thread((1..=100).collect()), 5050);
    assert_eq!(total_on_thread(Vec::new()), 0);
}

#[test]
fn named_threads_see_their_names_in_order() {
    assert_eq!(named_bakers(3), ["baker-1", "baker-2", "baker-3"]);
}

#[test]
fn scoped_threads_borrow_the_readings() {
    assert_eq!(smallest_and_largest(&[7, 3, 9, 4]), (Some(3), Some(9)));
    assert_eq!(smallest_and_largest(&[]), (None, None));
}

#[test]
fn a_panicking_thread_is_an_err_from_join() {
    // This prints "thread 'oven' panicked at ..." (captured by the test harness): expected.
    assert_eq!(bake_in_faulty_oven(), Err("the oven caught fire"));
}

#[test]
fn a_fresh_thread_costs_some_time() {
    assert!(fresh_thread_cost() > Duration::ZERO);
}

#[test]
fn one_worker_interleaves_the_tasks_slice_by_slice() {
    let pool = worker_pool(1);
    let tasks = tasks(2, 4, 1_000);
    let recorder = Recorder::new();
    let totals = run_on_one_worker(&pool, &tasks, &recorder);
    let expected = work::sum_of_squares(1_000).wrapping_mul(4);
    assert_eq!(totals, [expected, expected]);
    let spans = recorder.spans_labelled("compute");
    let order: Vec<&str> = spans.iter().map(|span| span.task.as_str()).collect();
    assert_eq!(
        order,
        [
            "Task A", "Task B", "Task A", "Task B", "Task A", "Task B", "Task A", "Task B"
        ]
    );
    let summary = Summary::of(&spans);
    assert_eq!((summary.threads, summary.max_concurrent), (1, 1));
    assert_eq!(spans[0].thread_name, "worker-0");
}

#[test]
fn all_cores_gives_each_task_its_own_worker() {
    let pool = worker_pool(3);
    let tasks = tasks(3, 2, 1_000);
    let recorder = Recorder::new();
    let totals = run_on_all_cores(&pool, &tasks, &recorder);
    let expected = work::sum_of_squares(1_000).wrapping_mul(2);
    assert_eq!(totals, [expected; 3]);
    let spans = recorder.spans_labelled("compute");
    assert_eq!(spans.len(), 6);
    for task in ["Task A", "Task B", "Task C"] {
        let threads: Vec<usize> = spans
            .iter()
            .filter(|span| span.task == task)
            .map(|span| span.thread)
            .collect();
        assert_eq!(threads.len(), 2, "{spans:?}");
        assert_eq!(
            threads[0], threads[1],
            "a task stays on its worker: {spans:?}"
        );
    }
    assert_eq!(Summary::of(&spans).threads, 3, "{spans:?}");
}

#[test]
fn a_pool_with_spare_workers_still_runs_every_task_once() {
    let pool = worker_pool(4);
    let recorder = Recorder::new();
    let totals = run_on_all_cores(&pool, &tasks(2, 1, 10), &recorder);
    assert_eq!(totals.len(), 2);
    assert_eq!(recorder.spans().len(), 2);
}

#[test]
fn sum_chunk_adds_up_and_records_its_chunk() {
    let recorder = Recorder::new();
    assert_eq!(sum_chunk(&recorder, 3, &[1, 2, 3, 4]), 10);
    let spans = recorder.spans_labelled("sum");
    assert_eq!(spans.len(), 1);
    assert_eq!(spans[0].task, "chunk 3: 4 numbers");
}

#[test]
fn a_job_is_a_closure_a_thread_accepts() {
    let job: Job = Box::new(|| 42);
    assert_eq!(std::thread::spawn(job).join().unwrap(), 42);
}
