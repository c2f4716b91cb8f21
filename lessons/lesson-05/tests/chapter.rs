//! Facts about the code the chapter shows (src/lib.rs). These pass as shipped; the learner's
//! checks are in tests/exercises.rs.

use std::time::Duration;

use instruments::Recorder;
use lesson_05::time_labelled;
use lesson_05::{Done, Job, collect_with_patience, fan_out_std, jobs, produce_and_consume};

fn ids(done: &[Done]) -> Vec<u64> {
    let mut ids: Vec<u64> = done.iter().map(|d| d.id).collect();
    ids.sort();
    ids
}

#[test]
fn a_bounded_queue_holds_the_producer_back_and_an_unbounded_one_does_not() {
    let ms = Duration::from_millis;
    let bounded = Recorder::new();
    let flow = produce_and_consume(jobs(10, ms(5)), Some(2), ms(0), &bounded);
    assert_eq!(ids(&flow.done), (1..=10).collect::<Vec<_>>());
    assert!(flow.peak_queue <= 2, "{flow:?}");
    assert!(time_labelled(&bounded, "blocked on full queue") > Duration::ZERO);

    let unbounded = Recorder::new();
    let flow = produce_and_consume(jobs(10, ms(5)), None, ms(0), &unbounded);
    assert_eq!(flow.done.len(), 10);
    assert!(unbounded.spans_labelled("blocked on full queue").is_empty());
}

#[test]
fn fan_out_over_std_channels_returns_every_result_once() {
    let recorder = Recorder::new();
    let done = fan_out_std(jobs(9, Duration::from_millis(2)), 3, 1, &recorder);
    assert_eq!(ids(&done), (1..=9).collect::<Vec<_>>());
    assert!(done.iter().all(|d| d.answer == d.id * d.id));
}

#[test]
fn the_collector_gives_up_on_a_job_slower_than_its_patience() {
    let recorder = Recorder::new();
    let job = |id, ms| Job {
        id,
        latency: Duration::from_millis(ms),
    };
    let collected = collect_with_patience(
        vec![job(1, 1), job(2, 5_000)],
        Duration::from_millis(200),
        &recorder,
    );
    assert_eq!(ids(&collected.done), [1]);
    assert!(collected.gave_up_at.is_some());
    let all = collect_with_patience(
        vec![job(1, 1), job(2, 2)],
        Duration::from_secs(10),
        &recorder,
    );
    assert_eq!((all.done.len(), all.gave_up_at), (2, None));
}
