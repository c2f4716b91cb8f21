//! Facts about the chapter's own code (these pass as shipped), on tokio's paused clock where
//! time is simulated: each way of failing fast, a lost panic, cancellation safety.

use std::time::Duration;

use instruments::Recorder;
use lesson_13::*;

const UNIT: Duration = Duration::from_millis(100);

#[tokio::test(start_paused = true)]
async fn without_cancellation_the_others_run_on_and_with_it_they_stop_at_the_error() {
    // (way, when the error came back, how long the others ran on after it), in units.
    for (way, returned, ran_on) in [
        (FailFast::JoinAll, 9, 6),
        (FailFast::TryJoinAll, 3, 0),
        (FailFast::Detached, 3, 6),
        (FailFast::Token, 3, 0),
    ] {
        let recorder = Recorder::new();
        let run = way.run(&recorder, UNIT).await;
        assert_eq!(run.error.map(|e| e.kind), Some(ErrorKind::NotFound));
        assert_eq!(
            (run.returned_after, run.ran_on),
            (UNIT * returned, UNIT * ran_on),
            "{way:?}"
        );
    }
}

#[test]
fn a_thread_panic_comes_back_from_join_and_scope_raises_it_again() {
    panics::record_instead_of_printing();
    assert_eq!(
        join_a_panicking_thread(),
        Err("page 3 is corrupt".to_owned())
    );
    assert_eq!(
        scope_with_a_panicking_thread(),
        Err("a scoped thread panicked".to_owned())
    );
    assert_eq!(
        rayon_with_a_panic(100),
        Err("page 13 is corrupt".to_owned())
    );
    let parsed = parse_in_threads(&["12", "x7"]);
    assert_eq!(parsed[0], Ok(12));
    assert!(parsed[1].is_err());
}

#[tokio::test(start_paused = true)]
async fn a_detached_panic_is_lost_and_a_joined_one_reported() {
    panics::record_instead_of_printing();
    let recorder = Recorder::new();
    assert_eq!(detached_panic(&recorder, UNIT).await, None);
    let seen = awaited_panic(&recorder, UNIT).await;
    assert_eq!(seen.as_deref(), Some("the joined task failed"));
    assert_eq!(join_errors().await, (true, true));
}

#[tokio::test(start_paused = true)]
async fn select_on_recv_loses_nothing_and_on_two_recvs_loses_messages() {
    assert_eq!(through_select(false).await, (1..=12).collect::<Vec<_>>());
    let pairs = through_select(true).await;
    assert!(pairs.len() < 12, "{pairs:?}");
    // Only whole pairs arrive: a message taken by a dropped future is gone, not late.
    assert!(pairs.windows(2).all(|w| w[0] < w[1]), "{pairs:?}");
}
