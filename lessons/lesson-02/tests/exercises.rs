//! Checks for lesson 02's exercises: `cargo test -p lesson-02`.
//!
//! Each check wants the right answers *and* the work shared out and run the way the exercise
//! asks, read from what the code recorded (not from the clock, which a busy machine upsets):
//! how many numbers each chunk held and on which thread it was added up, how many jobs were
//! running at the same moment, in which order they finished.
//!
//! Exercise 2.2's jobs panic on purpose: if a check fails, its output may include lines such as
//! "thread '<unnamed>' panicked at ... the oven caught fire". Those are expected.

use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

use instruments::check::{expect_at_once, panic_text, within};
use instruments::rendezvous::Rendezvous;
use instruments::timeline::{draw, format_duration};
use instruments::{Recorder, Span};
use lesson_02::Job;
use lesson_02::exercises::{parallel_sum, run_jobs};

const SUM: &str = "exercise 2.1 `parallel_sum` (lessons/lesson-02/src/exercises/parallel_sum.rs)";
const JOBS: &str = "exercise 2.2 `run_jobs` (lessons/lesson-02/src/exercises/run_jobs.rs)";

/// Every check's time limit: a hung answer (a channel never closed, a join that never comes)
/// gets its verdict in seconds. A right answer needs well under a second, even on a busy
/// machine; a sequential `run_jobs` needs about 2 s (each job waits `GRACE` for the others).
const LIMIT: Duration = Duration::from_secs(5);

const WIDTH: usize = 72;

// ---------------------------------------------------------------------------------------------
// Exercise 2.1: parallel_sum
// ---------------------------------------------------------------------------------------------

/// One chunk as `sum_chunk` recorded it.
struct Chunk {
    number: usize,
    len: usize,
    span: Span,
}

/// The chunks `sum_chunk` recorded (its rows read `chunk N: LEN numbers`), by chunk number.
fn chunks(recorder: &Recorder) -> Vec<Chunk> {
    let mut chunks: Vec<Chunk> = recorder
        .spans_labelled("sum")
        .into_iter()
        .filter_map(|span| {
            let rest = span.task.strip_prefix("chunk ")?;
            let (number, len) = rest.split_once(": ")?;
            let len = len.strip_suffix(" numbers")?;
            Some(Chunk {
                number: number.parse().ok()?,
                len: len.parse().ok()?,
                span,
            })
        })
        .collect();
    chunks.sort_by_key(|chunk| (chunk.number, chunk.span.start));
    chunks
}

/// What one call of `parallel_sum` did: its answer, the chunks it recorded, and the caller's
/// own thread (as the recorder numbers threads).
struct SumRun {
    got: u64,
    chunks: Vec<Chunk>,
    caller: usize,
    spans: Vec<Span>,
}

/// Calls `parallel_sum`; if it panics, fails with a message that names the case.
fn run_sum(numbers: &[u64], workers: usize, meeting: Option<Arc<Rendezvous>>) -> SumRun {
    let recorder = Recorder::new();
    if let Some(meeting) = meeting {
        recorder.meet(meeting);
    }
    // A zero-length span on the calling thread, so the check knows that thread's number.
    recorder.record("caller", "caller", || ());
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        parallel_sum(numbers, workers, &recorder)
    }));
    let got = outcome.unwrap_or_else(|payload| {
        let message = panic_text(&*payload);
        let advice = if message.contains("chunk size") {
            "An empty slice gives a chunk size of 0, and `chunks(0)` panics: keep the size \
             at least 1 (`.max(1)`)."
        } else {
            ""
        };
        panic!(
            "\n{SUM}: panicked when adding up {} numbers with workers = {workers}: {message}\n\
             {advice}\n",
            numbers.len()
        )
    });
    let caller = recorder.spans_labelled("caller")[0].thread;
    SumRun {
        got,
        chunks: chunks(&recorder),
        caller,
        spans: recorder.spans_labelled("sum"),
    }
}

/// The chunks as a list a learner can read: `chunk 0: 334 numbers (thread 1)`.
fn chunk_list(run: &SumRun) -> String {
    run.chunks
        .iter()
        .map(|c| {
            format!(
                "  chunk {}: {} numbers, on thread {}{}\n",
                c.number,
                c.len,
                c.span.thread,
                if c.span.thread == run.caller {
                    " (the calling thread)"
                } else {
                    ""
                }
            )
        })
        .collect()
}

/// Judges how `parallel_sum(numbers, workers)` shared the numbers out, then its answer.
fn judge_sum(numbers: &[u64], workers: usize, run: &SumRun) {
    let len = numbers.len();
    let expected: u64 = numbers.iter().sum();
    let got = run.got;
    let case = format!("adding up {len} numbers with workers = {workers}");
    let list = chunk_list(run);
    if run.chunks.is_empty() {
        assert!(
            len == 0,
            "\n{SUM}: {case}, no chunk was recorded. Each thread must add up its chunk with \
             `sum_chunk(recorder, chunk_number, chunk)`, which records it, so the check can see \
             how the work was shared out.\n"
        );
        assert_eq!(
            got, 0,
            "\n{SUM}: an empty slice adds up to 0, but the answer was {got}.\n"
        );
        return;
    }
    let summed: usize = run.chunks.iter().map(|c| c.len).sum();
    assert!(
        summed <= len,
        "\n{SUM}: {case}, the chunks held {summed} numbers in all, {} too many: numbers were \
         added more than once.\n{list}\
         Each number belongs to exactly one chunk: cut the slice with `numbers.chunks(size)` and \
         give each thread its own chunk. A thread that adds up the whole slice does all the work \
         itself; dividing the total by the number of workers afterwards hides it from the \
         answer, not from the clock.\n",
        summed - len
    );
    assert!(
        summed == len,
        "\n{SUM}: {case}, the chunks held only {summed} of the {len} numbers: {} numbers were \
         never added.\n{list}\
         With `size = len / workers` the remainder is left over: `chunks(size)` would put it \
         in one more chunk, `chunks_exact(size)` drops it. Use \
         `size = numbers.len().div_ceil(workers)`, and `chunks`, so the last chunk is the short \
         one.\n",
        len - summed
    );
    let mut numbers_seen: BTreeMap<usize, usize> = BTreeMap::new();
    for chunk in &run.chunks {
        *numbers_seen.entry(chunk.number).or_default() += 1;
    }
    if let Some((number, times)) = numbers_seen.iter().find(|(_, times)| **times > 1) {
        panic!(
            "\n{SUM}: {case}, chunk {number} was recorded {times} times.\n{list}\
             Give each chunk its own number: `.chunks(size).enumerate()`.\n"
        );
    }
    let count = run.chunks.len();
    assert!(
        count <= workers,
        "\n{SUM}: {case}, the numbers were cut into {count} chunks: more chunks than workers \
         ({workers}).\n{list}\
         With `size = len / workers` (rounded down) the remainder becomes a chunk of its own. \
         Round up: `size = numbers.len().div_ceil(workers)` gives at most `workers` chunks.\n"
    );
    let fair = len.div_ceil(workers.max(1));
    let largest = run.chunks.iter().max_by_key(|c| c.len).expect("not empty");
    assert!(
        largest.len <= fair,
        "\n{SUM}: {case}, chunk {} held {} numbers, but {workers} workers need no chunk larger \
         than {fair}: fewer chunks than `workers` allows, so some workers had nothing to do.\n\
         {list}Cut the slice by the `workers` parameter (`numbers.len().div_ceil(workers)`), \
         not by a number of your own (a constant, or the number of cores).\n",
        largest.number,
        largest.len
    );
    if let Some(chunk) = run.chunks.iter().find(|c| c.span.thread == run.caller) {
        panic!(
            "\n{SUM}: {case}, chunk {} was added up on the calling thread, not on a thread of \
             its own.\n{list}\
             Call `sum_chunk` inside the closure you give `scope.spawn`.\n",
            chunk.number
        );
    }
    let threads: std::collections::BTreeSet<usize> =
        run.chunks.iter().map(|c| c.span.thread).collect();
    assert!(
        threads.len() == count,
        "\n{SUM}: {case}, {count} chunks were added up by {} thread(s) between them: each \
         chunk gets its own thread.\n{list}\
         Spawn one scoped thread per chunk: \
         `scope.spawn(move || sum_chunk(recorder, chunk_number, chunk))`.\n",
        threads.len()
    );
    assert_eq!(
        got, expected,
        "\n{SUM}: {case}, the answer was {got}, but they add up to {expected}. The chunks \
         were shared out well:\n{list}so look at how their answers are added up: join every \
         handle and add up all their results.\n"
    );
}

#[test]
fn exercise_2_1_parallel_sum_shares_the_numbers_out_by_workers() {
    within(SUM, LIMIT, || {
        // All positive, so a dropped number always changes the total.
        let numbers: Vec<u64> = (1..=1000).map(|n| n * 37 % 101 + 1).collect();
        for workers in [1, 2, 3, 4, 7, 64] {
            judge_sum(&numbers, workers, &run_sum(&numbers, workers, None));
        }
        // More workers than numbers.
        let few = [5, 10, 20];
        judge_sum(&few, 8, &run_sum(&few, 8, None));
        // Nothing to add up.
        for workers in [1, 4] {
            judge_sum(&[], workers, &run_sum(&[], workers, None));
        }
    });
}

#[test]
fn exercise_2_1_parallel_sum_adds_every_chunk_at_once() {
    within(SUM, LIMIT, || {
        // Each chunk waits inside `sum_chunk` until all 4 have started (at most `GRACE`): a
        // right answer meets at once, however busy the machine; one that joins a thread before
        // spawning the next never gathers all 4, and each chunk gives up after `GRACE`.
        let workers = 4;
        let numbers: Vec<u64> = (1..=4_000).collect();
        let meeting = Arc::new(Rendezvous::new(workers, GRACE));
        let run = run_sum(&numbers, workers, Some(Arc::clone(&meeting)));
        let at_once = meeting.most_at_once();
        judge_sum(&numbers, workers, &run);
        if at_once < run.chunks.len() {
            let advice = if at_once <= 1 {
                "The chunks ran one after another. Spawn every thread first and join them after: \
                 joining inside the loop that spawns waits for each chunk before the next starts."
                    .to_owned()
            } else {
                format!(
                    "The chunks ran in batches of at most {at_once}. Start a thread for every \
                     chunk before joining any of them: all {} chunks at once, whatever the number \
                     of cores (the operating system shares the cores out between them).",
                    run.chunks.len()
                )
            };
            panic!(
                "\n{SUM}: expected all {} chunks to be added up at the same time, but at most \
                 {at_once} did (each chunk waited up to {} for the others to start):\n\n{}\n\
                 {advice}\n",
                run.chunks.len(),
                format_duration(GRACE),
                draw(&run.spans, WIDTH),
            );
        }
    });
}

// ---------------------------------------------------------------------------------------------
// Exercise 2.2: run_jobs
// ---------------------------------------------------------------------------------------------

/// How long a chunk (2.1) or a job (2.2) waits for the others to start (a job then also waits
/// for the job that should finish before it). With every one on its own thread they all start
/// within milliseconds, even on a busy machine; one that waits the whole `GRACE` was started
/// after others had already been joined.
const GRACE: Duration = Duration::from_millis(600);

/// Watches the jobs of one `run_jobs` call: how many are running at each moment, on which
/// threads, and in which order they finish. The jobs rendezvous here: each waits until every
/// job has started, then finishes in a fixed order (`finish_order`) different from the order
/// the jobs were given. So a right answer is fast and its finishing order is known, and an
/// answer that collects results as they finish is caught every time.
struct Gate {
    state: Mutex<GateState>,
    changed: Condvar,
    jobs: usize,
    finish_order: Vec<usize>,
}

#[derive(Default)]
struct GateState {
    started: usize,
    running: usize,
    peak: usize,
    threads: Vec<ThreadId>,
    finished: Vec<usize>,
}

impl Gate {
    fn new(finish_order: Vec<usize>) -> Arc<Gate> {
        Arc::new(Gate {
            state: Mutex::new(GateState::default()),
            changed: Condvar::new(),
            jobs: finish_order.len(),
            finish_order,
        })
    }

    fn lock(&self) -> MutexGuard<'_, GateState> {
        // A job panics only after it has left the gate, so the state is never half-updated.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits, at most until `deadline`, for `ready`.
    fn wait_until<'a>(
        &self,
        mut state: MutexGuard<'a, GateState>,
        deadline: Instant,
        ready: impl Fn(&GateState) -> bool,
    ) -> (MutexGuard<'a, GateState>, bool) {
        while !ready(&state) {
            let now = Instant::now();
            if now >= deadline {
                return (state, false);
            }
            state = self
                .changed
                .wait_timeout(state, deadline - now)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
        (state, true)
    }

    /// Job `index` passes through the gate.
    fn pass(&self, index: usize) {
        let mut state = self.lock();
        state.started += 1;
        state.running += 1;
        state.peak = state.peak.max(state.running);
        state.threads.push(thread::current().id());
        self.changed.notify_all();
        let jobs = self.jobs;
        let (state, all_started) =
            self.wait_until(state, Instant::now() + GRACE, |s| s.started == jobs);
        let mut state = if all_started {
            // Everyone is here: finish after the job before this one in `finish_order`.
            let position = self.finish_order.iter().position(|&i| i == index);
            match position.and_then(|p| p.checked_sub(1)) {
                Some(previous) => {
                    let before = self.finish_order[previous];
                    self.wait_until(state, Instant::now() + GRACE, |s| {
                        s.finished.contains(&before)
                    })
                    .0
                }
                None => state,
            }
        } else {
            state
        };
        state.running -= 1;
        state.finished.push(index);
        self.changed.notify_all();
    }
}

#[derive(Clone, Copy)]
enum Outcome {
    Answer(u64),
    PanicWithStr,
    PanicWithString(u64),
}

/// A job that passes through the gate (recorded as a span on its own row), then answers or
/// panics.
fn job(recorder: &Recorder, gate: &Arc<Gate>, index: usize, name: &str, outcome: Outcome) -> Job {
    let recorder = recorder.clone();
    let gate = Arc::clone(gate);
    let name = name.to_owned();
    Box::new(move || {
        recorder.record(name, "job", || gate.pass(index));
        match outcome {
            Outcome::Answer(answer) => answer,
            Outcome::PanicWithStr => panic!("the oven caught fire"),
            Outcome::PanicWithString(batch) => panic!("batch {batch} burnt"),
        }
    })
}

/// Five jobs, two of which panic. They finish in a different order (boxes, oven, till, icing,
/// dough) than they were given, so an answer collected in finishing order is caught.
fn bakery(recorder: &Recorder) -> (Vec<Job>, Arc<Gate>) {
    let gate = Gate::new(vec![3, 1, 4, 2, 0]);
    let jobs = vec![
        job(recorder, &gate, 0, "dough", Outcome::Answer(1)),
        job(recorder, &gate, 1, "oven", Outcome::PanicWithStr),
        job(recorder, &gate, 2, "icing", Outcome::Answer(3)),
        job(recorder, &gate, 3, "boxes", Outcome::PanicWithString(4)),
        job(recorder, &gate, 4, "till", Outcome::Answer(5)),
    ];
    (jobs, gate)
}

/// Calls `run_jobs`; if it panics itself (not a job), fails with a message that says why.
fn run_jobs_or_explain(jobs: Vec<Job>) -> Vec<Result<u64, String>> {
    panic::catch_unwind(AssertUnwindSafe(|| run_jobs(jobs))).unwrap_or_else(|payload| {
        let message = panic_text(&*payload);
        if message.contains("not yet implemented") {
            panic!("\n{JOBS}: {message}\n");
        }
        panic!(
            "\n{JOBS}: `run_jobs` itself panicked: {message}\n\
             A job that panics must become `Err(its message)` in the results, not end \
             `run_jobs`: match on `handle.join()` (or use `map_err`) instead of `unwrap` or \
             `expect`, so the other jobs' answers are kept.\n"
        )
    })
}

#[test]
fn exercise_2_2_run_jobs_keeps_answers_and_panic_messages_in_order() {
    within(JOBS, LIMIT, || {
        let recorder = Recorder::new();
        let (jobs, gate) = bakery(&recorder);
        let results = run_jobs_or_explain(jobs);
        let expected: [Result<u64, String>; 5] = [
            Ok(1),
            Err("the oven caught fire".into()),
            Ok(3),
            Err("batch 4 burnt".into()),
            Ok(5),
        ];
        assert_eq!(
            results.len(),
            5,
            "\n{JOBS}: 5 jobs went in, {} results came out: {results:?}. Return one result \
             per job, also for the jobs that panicked.\n",
            results.len()
        );
        let finished = gate.lock().finished.clone();
        let names = ["dough", "oven", "icing", "boxes", "till"];
        let finish_names: Vec<&str> = finished.iter().map(|&i| names[i]).collect();
        // The right results in another order: what an answer that collects them as they come
        // (a channel, a shared Vec) returns. The gate makes the jobs finish in a fixed order
        // that is not the given one, so such an answer is caught every time.
        let sorted = |results: &[Result<u64, String>]| {
            let mut sorted: Vec<String> = results.iter().map(|r| format!("{r:?}")).collect();
            sorted.sort();
            sorted
        };
        assert!(
            results == expected || sorted(&results) != sorted(&expected),
            "\n{JOBS}: the right results in the wrong order: {results:?}. The jobs were given \
             as dough, oven, icing, boxes, till, and finished as {}.\n\
             Results go in the order of the jobs, not the order they finish: keep the handles \
             in a Vec, in the order of `jobs`, and join them in that order (or send \
             `(index, result)` and put each result in its place).\n",
            finish_names.join(", ")
        );
        let advice = [
            "",
            "`panic!(\"the oven caught fire\")` carries a &'static str: \
             `payload.downcast_ref::<&str>()`.",
            "",
            "`panic!(\"batch {} burnt\", 4)` carries a String: \
             `payload.downcast_ref::<String>()`.",
            "",
        ];
        for (index, (got, want)) in results.iter().zip(&expected).enumerate() {
            assert_eq!(
                got, want,
                "\n{JOBS}: job {index} ({}) should give {want:?}, but gave {got:?} (all \
                 results: {results:?}). {}\n",
                names[index], advice[index]
            );
        }

        let odd: Vec<Job> = vec![Box::new(|| std::panic::panic_any(7_u64)), Box::new(|| 8)];
        let results = run_jobs_or_explain(odd);
        assert!(
            matches!(results.as_slice(), [Err(_), Ok(8)]),
            "\n{JOBS}: a job that panics with `panic_any(7)` (not text) should give Err(any \
             message), and the next job Ok(8); got {results:?}.\n"
        );
        let results = run_jobs_or_explain(Vec::new());
        assert!(
            results.is_empty(),
            "\n{JOBS}: no jobs should give no results; got {results:?}.\n"
        );
    });
}

#[test]
fn exercise_2_2_run_jobs_runs_every_job_at_once_on_its_own_thread() {
    within(JOBS, LIMIT, || {
        let recorder = Recorder::new();
        let (jobs, gate) = bakery(&recorder);
        let caller = thread::current().id();
        let results = run_jobs_or_explain(jobs);
        assert_eq!(
            results.len(),
            5,
            "\n{JOBS}: 5 jobs went in, {} results came out: {results:?}.\n",
            results.len()
        );
        let spans = recorder.spans_labelled("job");
        let timeline = draw(&spans, WIDTH);
        assert_eq!(
            spans.len(),
            5,
            "\n{JOBS}: every job should run exactly once, but {} ran:\n\n{timeline}",
            spans.len()
        );
        let state = gate.lock();
        assert!(
            !state.threads.contains(&caller),
            "\n{JOBS}: a job ran on the thread that called `run_jobs`, not on a thread of its \
             own:\n\n{timeline}\nGive each job its own thread: `thread::spawn(job)`.\n"
        );
        let mut threads = state.threads.clone();
        threads.sort_by_key(|id| format!("{id:?}"));
        threads.dedup();
        assert_eq!(
            threads.len(),
            5,
            "\n{JOBS}: the 5 jobs ran on only {} threads:\n\n{timeline}\nGive each job its own \
             thread: `thread::spawn(job)` for every job, not a few threads sharing them.\n",
            threads.len()
        );
        let peak = state.peak;
        drop(state);
        let advice = if peak <= 1 {
            "The jobs ran one after another. Spawn every thread first and join them after: \
             joining inside the loop that spawns waits for each job before the next starts."
                .to_owned()
        } else {
            format!(
                "The jobs ran in batches of at most {peak}. Start every job's thread before \
                 joining any: all 5 at once, like the exercise says, whatever the number of cores."
            )
        };
        expect_at_once(JOBS, &spans, 5, &advice);
    });
}
