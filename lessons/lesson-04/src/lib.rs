//! Lesson 04: the GIL.
//!
//! CPython runs Python bytecode under one global lock, the *global interpreter lock* (GIL): a
//! thread must hold it to run bytecode, so only one thread runs Python code at a time, however
//! many cores there are. A thread gives the GIL up when another has waited a *switch interval*
//! (5 ms by default) and while it is blocked on I/O. So threads overlap their waits (I/O-bound
//! work gets faster) but not their computing (CPU-bound work does not).
//!
//! This crate builds that in miniature: a fair [`Gil`], an [`Interpreter`] whose [`PyThread`]s
//! must hold it to run "bytecode" (the tutorials' `sum(i * i for i in range(n))`, in small
//! steps), and the same CPU work as plain Rust on rayon, where there is no GIL at all. Every
//! stretch a thread holds the GIL is recorded, so a run's timeline shows who held it when.
//!
//! This file holds the code the chapter shows (between `ANCHOR` marks); `src/exercises/` holds
//! the learner's work, one file per exercise, and `src/solutions/` the reference answers.
//! [`report`] reads a run's spans for what they say about the GIL and adds the tutorials' own
//! Python programs' timings (run through `instruments::python`, when `python3` is installed).

use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use instruments::{Recorder, work};
use rayon::prelude::*;

pub mod report;

#[cfg(not(feature = "solutions"))]
pub mod exercises;
#[cfg(feature = "solutions")]
#[path = "solutions/mod.rs"]
pub mod exercises;

/// CPython's default switch interval: `sys.getswitchinterval()` is `0.005` seconds.
pub const DEFAULT_SWITCH_INTERVAL: Duration = Duration::from_millis(5);

/// How many "bytecodes" (terms of the sum) a thread runs between two looks at its eval breaker.
/// CPython looks at certain instructions (backward jumps, calls); a few thousand terms here take
/// a few microseconds, far shorter than a switch interval.
pub const BYTECODES_PER_CHECK: u64 = 2_000;

/// The label of a span during which a Python thread held the GIL (ran bytecode).
pub const HOLDS_GIL: &str = "holds GIL";
/// The label of a span during which a Python thread waited on I/O.
pub const WAITS_ON_IO: &str = "waits on I/O";
/// The label of a span during which native Rust code computed, with no GIL.
pub const COMPUTES: &str = "computes";

// ANCHOR: gil
/// The global interpreter lock: one lock for the whole interpreter, held by whichever Python
/// thread is running bytecode.
///
/// It must be *fair*. `std::sync::Mutex` is not: a thread that unlocks and at once locks again
/// usually wins, because it is already running while a waiter has first to be woken. A thread
/// giving the GIL up at the switch interval would take it straight back, and the others would
/// starve. So this lock serves tickets in order, like the number dispenser at a bakery counter:
/// a thread that gives the GIL up and asks again takes a new ticket, behind every thread that
/// was already waiting.
#[derive(Debug)]
pub struct Gil {
    turns: Mutex<Turns>,
    /// Signalled whenever `now_serving` moves on, so waiters can see whether it is their turn.
    turn_changed: Condvar,
    /// CPython's `gil_drop_request`: set by a thread that has waited a whole switch interval,
    /// read by the holder at its eval breaker.
    drop_request: AtomicBool,
    switch_interval: Duration,
}

#[derive(Debug, Default)]
struct Turns {
    /// The next ticket to hand out.
    next_ticket: u64,
    /// The ticket whose owner holds the GIL (or may take it now).
    now_serving: u64,
}

impl Gil {
    /// A free GIL with the given switch interval.
    pub fn new(switch_interval: Duration) -> Gil {
        Gil {
            turns: Mutex::new(Turns::default()),
            turn_changed: Condvar::new(),
            drop_request: AtomicBool::new(false),
            switch_interval,
        }
    }

    /// Waits for this thread's turn; returns holding the GIL.
    fn acquire(&self) {
        let mut turns = self.lock_turns();
        let ticket = turns.next_ticket;
        turns.next_ticket += 1;
        // A waiter does not wait politely forever. As in CPython, after a whole switch interval
        // with the same holder it asks the holder to let go.
        let mut holder_seen = turns.now_serving;
        let mut deadline = Instant::now() + self.switch_interval;
        while turns.now_serving != ticket {
            let now = Instant::now();
            if turns.now_serving != holder_seen {
                // The GIL changed hands: the new holder gets a full interval before we ask.
                holder_seen = turns.now_serving;
                deadline = now + self.switch_interval;
            } else if now >= deadline {
                // Relaxed is enough: the flag is only a hint that the holder polls. The handoff
                // itself happens under `turns`, and the mutex orders everything that matters.
                self.drop_request.store(true, Ordering::Relaxed);
                deadline = now + self.switch_interval;
            }
            let wait = deadline.saturating_duration_since(now);
            turns = self
                .turn_changed
                .wait_timeout(turns, wait)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    /// Gives the GIL to the next ticket in line.
    fn release(&self) {
        let mut turns = self.lock_turns();
        turns.now_serving += 1;
        // Any request was addressed to the thread that is leaving now.
        self.drop_request.store(false, Ordering::Relaxed);
        drop(turns);
        // A condvar cannot wake one chosen thread, so every waiter wakes and compares its ticket
        // with `now_serving`; only the next in line goes on, the others wait again.
        self.turn_changed.notify_all();
    }

    /// Whether a waiting thread has asked the holder to drop the GIL.
    fn drop_requested(&self) -> bool {
        self.drop_request.load(Ordering::Relaxed)
    }

    /// How many threads hold a ticket behind the current holder.
    fn waiting(&self) -> usize {
        let turns = self.lock_turns();
        let queued = turns.next_ticket - turns.now_serving;
        usize::try_from(queued.saturating_sub(1)).unwrap_or(usize::MAX)
    }

    fn lock_turns(&self) -> MutexGuard<'_, Turns> {
        // A panic never leaves `Turns` half-updated (each change is one `+= 1`), so a poisoned
        // lock is still safe to use.
        self.turns.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
// ANCHOR_END: gil

/// A simulated Python interpreter: one GIL shared by all its threads, and a recorder that notes
/// when each thread held the GIL. Cheap to clone; clones share the same interpreter.
#[derive(Debug, Clone)]
pub struct Interpreter {
    shared: Arc<Shared>,
}

#[derive(Debug)]
struct Shared {
    gil: Gil,
    recorder: Recorder,
}

/// A Python thread's handle on its interpreter: what it needs to take and give up the GIL and to
/// run bytecode. Made by [`Interpreter::spawn`] and [`Interpreter::run_main`], holding the GIL.
#[derive(Debug)]
pub struct PyThread {
    interpreter: Interpreter,
    name: String,
    /// When this thread took the GIL (recorder time), while it holds it.
    held_since: Option<Duration>,
}

// ANCHOR: interpreter
impl Interpreter {
    /// An interpreter whose GIL changes hands every `switch_interval` when threads wait for it
    /// (`sys.setswitchinterval`); spans are recorded in `recorder`.
    pub fn new(switch_interval: Duration, recorder: &Recorder) -> Interpreter {
        Interpreter {
            shared: Arc::new(Shared {
                gil: Gil::new(switch_interval),
                recorder: recorder.clone(),
            }),
        }
    }

    /// `threading.Thread(target=program).start()`: a new OS thread that takes the GIL before
    /// it runs any bytecode and gives it back when the program ends.
    pub fn spawn<T: Send + 'static>(
        &self,
        name: impl Into<String>,
        program: impl FnOnce(&mut PyThread) -> T + Send + 'static,
    ) -> JoinHandle<T> {
        let name = name.into();
        let interpreter = self.clone();
        thread::Builder::new()
            .name(name.clone())
            .spawn(move || interpreter.run(name, program))
            .expect("the OS starts a thread")
    }

    /// Runs `program` on the calling thread, as the interpreter's main thread.
    pub fn run_main<T>(&self, program: impl FnOnce(&mut PyThread) -> T) -> T {
        self.run("main".to_owned(), program)
    }

    fn run<T>(&self, name: String, program: impl FnOnce(&mut PyThread) -> T) -> T {
        let mut thread = PyThread {
            interpreter: self.clone(),
            name,
            held_since: None,
        };
        thread.acquire_gil();
        program(&mut thread)
        // `thread` is dropped here, which gives the GIL back, also if `program` panicked.
    }
}

impl PyThread {
    /// Waits for this thread's turn and takes the GIL; from now until it is released, the time
    /// is recorded as a "holds GIL" span.
    pub fn acquire_gil(&mut self) {
        assert!(
            self.held_since.is_none(),
            "Python thread `{}` asked for the GIL while holding it: it would wait for itself \
             forever. Release it first (release_gil), or do not take it twice.",
            self.name
        );
        self.interpreter.shared.gil.acquire();
        self.held_since = Some(self.recorder().now());
    }

    /// Gives the GIL to the next waiting thread and records the span this thread held it.
    pub fn release_gil(&mut self) {
        let Some(since) = self.held_since.take() else {
            panic!(
                "Python thread `{}` released the GIL without holding it. Release it once, and \
                 take it back (acquire_gil) before releasing it again.",
                self.name
            );
        };
        let recorder = self.recorder();
        recorder.push(
            self.name.clone(),
            HOLDS_GIL.to_owned(),
            since,
            recorder.now(),
        );
        self.interpreter.shared.gil.release();
    }

    /// Runs bytecode: the terms `range` of the sum of squares. Only the GIL's holder may.
    pub fn execute(&mut self, range: Range<u64>) -> u64 {
        assert!(
            self.holds_gil(),
            "Python thread `{}` ran bytecode without holding the GIL. A thread must hold the GIL \
             to run bytecode: did it release the GIL and not take it back (acquire_gil)?",
            self.name
        );
        squares(range)
    }
}
// ANCHOR_END: interpreter

impl PyThread {
    /// The thread's name (`main`, `py-1`, ...), also its row in the timeline.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Where this interpreter records its spans.
    pub fn recorder(&self) -> &Recorder {
        &self.interpreter.shared.recorder
    }

    /// The interpreter's switch interval.
    pub fn switch_interval(&self) -> Duration {
        self.interpreter.shared.gil.switch_interval
    }

    /// Whether this thread holds the GIL now.
    pub fn holds_gil(&self) -> bool {
        self.held_since.is_some()
    }

    /// How long this thread has held the GIL without a break (zero if it does not hold it).
    pub fn held_for(&self) -> Duration {
        self.held_since.map_or(Duration::ZERO, |since| {
            self.recorder().now().saturating_sub(since)
        })
    }

    /// How many other threads are waiting for the GIL.
    pub fn others_waiting(&self) -> usize {
        self.interpreter.shared.gil.waiting()
    }
}

// ANCHOR: eval_breaker
impl PyThread {
    /// CPython's eval breaker, checked every [`BYTECODES_PER_CHECK`] bytecodes: if a waiting
    /// thread has asked for the GIL (it waited a whole switch interval), give it up.
    ///
    /// CPython makes sure the dropping thread does not simply take the GIL back ("forced
    /// switching"); the ticket order does that here: our new ticket is behind the waiter's.
    pub fn eval_breaker(&mut self) {
        if self.interpreter.shared.gil.drop_requested() {
            self.release_gil();
            self.acquire_gil();
        }
    }

    /// Runs `blocking` without the GIL, as CPython does around a blocking call (`time.sleep`,
    /// a socket read): `Py_BEGIN_ALLOW_THREADS` ... `Py_END_ALLOW_THREADS`. Other threads run
    /// bytecode meanwhile; this thread waits its turn to come back.
    pub fn allow_threads<T>(&mut self, blocking: impl FnOnce() -> T) -> T {
        self.release_gil();
        let result = blocking();
        self.acquire_gil();
        result
    }
}
// ANCHOR_END: eval_breaker

impl Drop for PyThread {
    /// A Python thread that ends (or panics) gives the GIL back, so the others are not stuck.
    fn drop(&mut self) {
        if self.holds_gil() {
            self.release_gil();
        }
    }
}

/// `sum(i * i for i in range)`, wrapping, computed term by term (it matches
/// `instruments::work::sum_of_squares` exactly).
///
/// The optimiser would otherwise compute the sum in closed form or vectorise the loop, so the
/// counter is hidden from it: each step ORs in `zero`, a 0 it cannot see through
/// (`black_box`). Unlike `black_box` on every term, this keeps the loop in registers. Measured
/// here, a loop that passes every term through `black_box` (a store and a load on the stack)
/// ran at one of two speeds, about 0.35 or 0.70 ns a term, depending on the thread and call
/// path; that made the sequential and parallel runs incomparable. This loop's speed does not
/// depend on where it runs. Never inlined, so every caller runs the same machine code.
#[inline(never)]
fn squares(range: Range<u64>) -> u64 {
    let zero = std::hint::black_box(0_u64);
    let mut total = 0_u64;
    let mut i = range.start;
    while i < range.end {
        total = total.wrapping_add(i.wrapping_mul(i));
        i = (i + 1) | zero;
    }
    total
}

/// How many terms of `compute` take about `target` on this machine now: the best of five
/// short trials of this crate's own loop (the first warms the core up; taking the best means a
/// busy moment does not inflate the count much).
pub fn terms_for(target: Duration) -> u64 {
    let trial = 2_000_000_u64;
    let best = (0..5)
        .map(|_| {
            let started = Instant::now();
            std::hint::black_box(squares(0..trial));
            started.elapsed()
        })
        .min()
        .unwrap_or(Duration::from_millis(1))
        .max(Duration::from_micros(1));
    ((target.as_secs_f64() / best.as_secs_f64() * trial as f64) as u64).max(1)
}

// ANCHOR: programs
/// The tutorials' CPU-bound `compute(n) = sum(i * i for i in range(n))`, run as bytecode: a
/// few thousand terms at a time, with a look at the eval breaker in between.
pub fn compute(thread: &mut PyThread, n: u64) -> u64 {
    compute_with(thread, n, PyThread::eval_breaker)
}

/// [`compute`], with the step taken between two runs of bytecode given (exercise 4.2 gives its
/// own).
pub fn compute_with(thread: &mut PyThread, n: u64, mut between: impl FnMut(&mut PyThread)) -> u64 {
    let mut total = 0_u64;
    let mut next = 0;
    while next < n {
        let end = n.min(next + BYTECODES_PER_CHECK);
        total = total.wrapping_add(thread.execute(next..end));
        next = end;
        // The only place the GIL can change hands while computing: between bytecodes.
        between(thread);
    }
    total
}

/// The tutorials' I/O-bound `download_file(url)`: a little bytecode to build the request, a
/// wait on the network with the GIL released (as CPython's socket calls and `time.sleep` do),
/// and a little bytecode to read the reply. Returns a checksum of the work done.
pub fn download(thread: &mut PyThread, latency: Duration) -> u64 {
    let request = compute(thread, 1_000);
    let recorder = thread.recorder().clone();
    let row = thread.name().to_owned();
    thread.allow_threads(|| recorder.record(row, WAITS_ON_IO, || work::download(latency)));
    request ^ compute(thread, 1_000)
}
// ANCHOR_END: programs

// ANCHOR: run
/// One job after another on the main thread: `[program(job) for job in jobs]`.
pub fn run_sequential<J, R>(
    interpreter: &Interpreter,
    jobs: Vec<J>,
    program: fn(&mut PyThread, J) -> R,
) -> Vec<R> {
    interpreter.run_main(|thread| jobs.into_iter().map(|job| program(thread, job)).collect())
}

/// One Python thread per job, `py-1`, `py-2`, ...: start them all, then join them all.
pub fn run_threads<J, R>(
    interpreter: &Interpreter,
    jobs: Vec<J>,
    program: fn(&mut PyThread, J) -> R,
) -> Vec<R>
where
    J: Send + 'static,
    R: Send + 'static,
{
    let handles: Vec<JoinHandle<R>> = jobs
        .into_iter()
        .enumerate()
        .map(|(index, job)| {
            interpreter.spawn(format!("py-{}", index + 1), move |thread| {
                program(thread, job)
            })
        })
        .collect();
    handles
        .into_iter()
        // A panic in a Python thread is passed on with its own message.
        .map(|handle| {
            handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
        .collect()
}
// ANCHOR_END: run

// ANCHOR: no_gil
/// The same CPU-bound jobs as native Rust, one after another on the calling thread: no
/// interpreter, no GIL. The baseline rayon is measured against.
pub fn compute_all_sequential(jobs: &[u64], recorder: &Recorder) -> Vec<u64> {
    jobs.iter()
        .enumerate()
        .map(|(index, &n)| compute_native(recorder, index, n))
        .collect()
}

/// The same jobs on rayon's pool (one thread per core, started once), still with no GIL:
/// `par_iter` spreads them over the pool, and `collect` keeps the results in job order.
pub fn compute_all_no_gil(jobs: &[u64], recorder: &Recorder) -> Vec<u64> {
    jobs.par_iter()
        .enumerate()
        .map(|(index, &n)| compute_native(recorder, index, n))
        .collect()
}

/// One job as native Rust, recorded as a "computes" span on the row `job-N`. It runs the same
/// steps as the interpreter's `compute`, minus the GIL, so the two can be compared fairly.
pub fn compute_native(recorder: &Recorder, index: usize, n: u64) -> u64 {
    recorder.record(format!("job-{}", index + 1), COMPUTES, || {
        // Exercise 4.3's check makes each job wait here until all of them have started
        // (anywhere else this just runs the closure).
        recorder.attend(|| {
            let mut total = 0_u64;
            for start in (0..n).step_by(BYTECODES_PER_CHECK as usize) {
                total = total.wrapping_add(squares(start..n.min(start + BYTECODES_PER_CHECK)));
            }
            total
        })
    })
}
// ANCHOR_END: no_gil

#[cfg(all(test, feature = "solutions"))]
mod tests {
    use super::*;

    #[test]
    fn squares_match_the_shared_work_function() {
        for n in [0, 1, 4, 10_000, BYTECODES_PER_CHECK * 3 + 7] {
            assert_eq!(squares(0..n), work::sum_of_squares(n));
        }
    }

    #[test]
    fn calibration_gives_a_positive_count() {
        assert!(terms_for(Duration::from_millis(1)) > 0);
    }

    #[test]
    fn a_lone_thread_never_switches_and_holds_the_gil_once() {
        let recorder = Recorder::new();
        let interpreter = Interpreter::new(Duration::from_micros(100), &recorder);
        let total = interpreter.run_main(|thread| compute(thread, 200_000));
        assert_eq!(total, work::sum_of_squares(200_000));
        // Nobody waited, so nobody asked the holder to drop the GIL: one unbroken span.
        assert_eq!(recorder.spans_labelled(HOLDS_GIL).len(), 1);
    }
}
