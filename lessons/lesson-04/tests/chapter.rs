//! Facts about the chapter's own code (these pass as shipped): the simulated GIL lets one thread
//! run bytecode at a time, serves waiting threads in order, is released during I/O, and the
//! native jobs are exact. Every check is on recorded spans, never on elapsed time.

use std::sync::mpsc;
use std::time::Duration;

use instruments::check::within;
use instruments::summary::max_concurrent;
use instruments::{Recorder, work};
use lesson_04::{
    COMPUTES, HOLDS_GIL, Interpreter, WAITS_ON_IO, compute, compute_all_no_gil, download,
    run_sequential, run_threads, terms_for,
};

const LIMIT: Duration = Duration::from_secs(60);

#[test]
fn cpu_threads_take_turns_and_never_hold_the_gil_together() {
    within("the chapter's CPU-bound threads", LIMIT, || {
        let recorder = Recorder::new();
        let interpreter = Interpreter::new(Duration::from_millis(1), &recorder);
        let n = terms_for(Duration::from_millis(30));
        let results = run_threads(&interpreter, vec![n; 4], compute);
        assert_eq!(results, vec![work::sum_of_squares(n); 4]);
        let spans = recorder.spans_labelled(HOLDS_GIL);
        assert_eq!(
            max_concurrent(&spans),
            1,
            "two threads held the GIL at once"
        );
        // Four jobs of about 30 intervals each: waiting threads asked for the GIL and got it.
        assert!(spans.len() > 8, "the GIL never changed hands: {spans:?}");
    });
}

#[test]
fn the_gil_serves_waiting_threads_in_order() {
    within("the GIL's ticket order", LIMIT, || {
        let recorder = Recorder::new();
        let interpreter = Interpreter::new(Duration::from_secs(3600), &recorder);
        let order = interpreter.run_main(|main| {
            let (finished, finish_order) = mpsc::channel();
            let mut handles = Vec::new();
            for name in ["first", "second"] {
                let finished = finished.clone();
                handles.push(interpreter.spawn(name, move |thread| {
                    finished.send(thread.name().to_owned()).unwrap();
                }));
                // Wait until this thread is in the queue, so the queue order is known.
                while main.others_waiting() < handles.len() {
                    std::thread::yield_now();
                }
            }
            // Give the GIL up and ask for it straight back: both waiters go first, in order;
            // an unfair lock would usually hand it straight back to us.
            main.release_gil();
            main.acquire_gil();
            finished.send("main".to_owned()).unwrap();
            for handle in handles {
                handle.join().unwrap();
            }
            drop(finished);
            finish_order.iter().collect::<Vec<String>>()
        });
        assert_eq!(order, ["first", "second", "main"]);
    });
}

#[test]
fn downloads_release_the_gil_so_their_waits_overlap() {
    within("the chapter's I/O-bound threads", LIMIT, || {
        let recorder = Recorder::new();
        let interpreter = Interpreter::new(Duration::from_millis(5), &recorder);
        run_threads(&interpreter, vec![Duration::from_millis(150); 4], download);
        assert!(max_concurrent(&recorder.spans_labelled(WAITS_ON_IO)) >= 2);
        assert_eq!(max_concurrent(&recorder.spans_labelled(HOLDS_GIL)), 1);
    });
}

#[test]
fn sequential_downloads_wait_one_at_a_time() {
    let recorder = Recorder::new();
    let interpreter = Interpreter::new(Duration::from_millis(5), &recorder);
    run_sequential(&interpreter, vec![Duration::from_millis(5); 3], download);
    assert_eq!(max_concurrent(&recorder.spans_labelled(WAITS_ON_IO)), 1);
    assert_eq!(recorder.spans_labelled(WAITS_ON_IO).len(), 3);
}

#[test]
fn native_jobs_are_exact_and_in_order() {
    let recorder = Recorder::new();
    let jobs = [10_000, 20_000, 30_000, 40_000];
    let results = compute_all_no_gil(&jobs, &recorder);
    let expected: Vec<u64> = jobs.iter().map(|&n| work::sum_of_squares(n)).collect();
    assert_eq!(results, expected);
    assert_eq!(recorder.spans_labelled(COMPUTES).len(), 4);
}

#[test]
fn the_tutorials_io_program_reports_its_timings() {
    use instruments::python::{PythonError, run, script, seconds};
    let io_bound = script(env!("CARGO_MANIFEST_DIR"), "io_bound.py");
    match run(&io_bound, &["0.01".to_owned()], LIMIT) {
        Ok(report) => {
            assert!(seconds(&report, "sequential").is_some(), "{report}");
            assert!(seconds(&report, "threads").is_some(), "{report}");
        }
        // Without python3 there is nothing to check: the lesson says so and carries on.
        Err(PythonError::Missing(_)) => {}
        Err(other) => panic!("io_bound.py failed: {other}"),
    }
}
