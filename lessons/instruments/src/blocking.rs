//! Blocking detection for async checks: did a task block its runtime's thread?
//!
//! An async task that calls `std::thread::sleep`, a blocking download or
//! `futures::executor::block_on` keeps its runtime's thread: no other task on that thread runs
//! until it returns. Tokio's paused test clock cannot see this (blocking does not move it), so
//! recorded spans alone still overlap. This module watches in *real* time instead.
//!
//! [`watch`] polls a future in a task that a heartbeat wakes every 10 ms (a small OS thread on
//! the real clock, so that neither a paused clock nor `spawn_blocking` work can still it), and
//! measures with the real clock (`std::time::Instant`) every stretch during which the thread did
//! not come back to the runtime: the time spent inside one poll of the future, and the time
//! between two polls of the watcher beyond the heartbeat's period (then another task on the
//! same thread held it). A healthy poll takes microseconds, scheduler noise on a loaded machine
//! tens of milliseconds; a stretch of [`STALL`] (250 ms) or more is a block. A blocking 1 s
//! sleep is four times over the line, and the noise of two busy cores ten times under it.
//!
//! [`run`] is what a check calls: it runs a future on a fresh current-thread runtime (so every
//! task the answer spawns shares the watched thread), on its own thread, within a time limit,
//! and fails naming the exercise as soon as a task has blocked the thread (how long, and what
//! to use instead), or if the run did not finish in time although nothing blocked.
//!
//! ```
//! use std::time::Duration;
//! use instruments::blocking::{self, Clock};
//!
//! let pages = blocking::run("exercise 0.1 `fetch`", Duration::from_secs(5), Clock::Paused, || async {
//!     tokio::time::sleep(Duration::from_secs(1)).await; // yields: fine, and instant when paused
//!     3
//! });
//! assert_eq!(pages, 3);
//! ```
//!
//! Only the watched thread is seen: on a multi-thread runtime, a task that blocks another
//! worker goes unnoticed. Use [`run`], or a current-thread runtime (`#[tokio::test]`'s default).

use std::future::{Future, poll_fn};
use std::panic::{self, AssertUnwindSafe};
use std::pin::pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Poll, Waker};
use std::thread;
use std::time::{Duration, Instant};

/// A stretch of real time this long or longer without the thread coming back to the runtime
/// is a block.
pub const STALL: Duration = Duration::from_millis(250);

/// How often the heartbeat wakes the watcher (real time).
const BEAT: Duration = Duration::from_millis(10);

/// The heartbeat: a thread that wakes the watcher's task every [`BEAT`] until dropped. It runs
/// on the real clock: a timer on the runtime's clock would not fire while a paused clock stands
/// still (for instance while `spawn_blocking` work runs), and a still heartbeat looks like a
/// blocked thread.
struct Heartbeat {
    waker: Arc<Mutex<Option<Waker>>>,
    stop: Arc<AtomicBool>,
}

impl Heartbeat {
    fn start() -> Heartbeat {
        let waker: Arc<Mutex<Option<Waker>>> = Arc::default();
        let stop = Arc::new(AtomicBool::new(false));
        let (beat_waker, beat_stop) = (Arc::clone(&waker), Arc::clone(&stop));
        thread::Builder::new()
            .name(String::from("heartbeat"))
            .spawn(move || {
                while !beat_stop.load(Ordering::Relaxed) {
                    thread::sleep(BEAT);
                    let waker = beat_waker.lock().unwrap_or_else(PoisonError::into_inner);
                    if let Some(waker) = waker.as_ref() {
                        waker.wake_by_ref();
                    }
                }
            })
            .expect("the heartbeat's thread starts");
        Heartbeat { waker, stop }
    }

    /// Makes the next beats wake the task polling now.
    fn wake(&self, waker: &Waker) {
        let mut slot = self.waker.lock().unwrap_or_else(PoisonError::into_inner);
        if !slot.as_ref().is_some_and(|old| old.will_wake(waker)) {
            *slot = Some(waker.clone());
        }
    }
}

impl Drop for Heartbeat {
    fn drop(&mut self) {
        // Relaxed is enough: the flag carries no data, and the thread reads it every beat.
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// What [`watch`] saw: the stretches of real time the thread was kept from the runtime.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stalls {
    /// The longest stretch seen, block or not.
    pub longest: Duration,
    /// How many stretches were blocks (at least [`STALL`]).
    pub blocks: usize,
    /// Their total length.
    pub blocked: Duration,
}

impl Stalls {
    fn note(&mut self, stretch: Duration) {
        self.longest = self.longest.max(stretch);
        if stretch >= STALL {
            self.blocks += 1;
            self.blocked += stretch;
        }
    }

    /// Whether any task blocked the thread.
    pub fn any(&self) -> bool {
        self.blocks > 0
    }

    /// The teaching message for `exercise` if a task blocked the thread, else `None`.
    pub fn verdict(&self, exercise: &str) -> Option<String> {
        if !self.any() {
            return None;
        }
        let stretches = match self.blocks {
            1 => String::from("in one stretch"),
            n => format!("in {n} stretches, the longest {}", seconds(self.longest)),
        };
        Some(format!(
            "\n{exercise}: a task blocked the runtime's thread for {} ({stretches}). While it \
             blocks, no other task on that thread can run, and tokio's clock does not see it, \
             so it looks concurrent while it is not. Something waits without `.await`: a \
             `std::thread::sleep`, a blocking download, `futures::executor::block_on`. Wait \
             with `tokio::time::sleep(..).await` or the async download, and run blocking work \
             with `tokio::task::spawn_blocking`.\n",
            seconds(self.blocked),
        ))
    }
}

/// Polls `future` to completion while measuring, in real time, how long the thread was kept
/// from the runtime (see the module's documentation). Works on any runtime, paused clock or
/// not; on a multi-thread runtime it sees only the thread that polls it.
pub async fn watch<F: Future>(future: F) -> (F::Output, Stalls) {
    watch_with(future, None).await
}

/// What the watcher shares with [`run`]'s judge, so that a block is judged while it lasts.
#[derive(Debug)]
struct Shared {
    /// The real instant the thread last came back to the watcher.
    seen: Instant,
    /// The stretches so far.
    stalls: Stalls,
}

/// [`watch`], also publishing what it sees in `shared`.
async fn watch_with<F: Future>(
    future: F,
    shared: Option<Arc<Mutex<Shared>>>,
) -> (F::Output, Stalls) {
    let mut future = pin!(future);
    let heartbeat = Heartbeat::start();
    let mut stalls = Stalls::default();
    let mut last_return: Option<Instant> = None;
    let publish = |at: Instant, stalls: &Stalls| {
        if let Some(shared) = &shared {
            let mut shared = shared.lock().unwrap_or_else(PoisonError::into_inner);
            shared.seen = at;
            shared.stalls = stalls.clone();
        }
    };
    let output = poll_fn(|cx| {
        let started = Instant::now();
        if let Some(returned) = last_return {
            // The heartbeat wakes this task at least every `BEAT`: a longer absence means
            // another task held the thread (or the machine did).
            stalls.note(started.duration_since(returned).saturating_sub(BEAT));
        }
        publish(started, &stalls);
        let polled = future.as_mut().poll(cx);
        let returned = Instant::now();
        stalls.note(returned.duration_since(started));
        publish(returned, &stalls);
        if let Poll::Ready(output) = polled {
            return Poll::Ready(output);
        }
        heartbeat.wake(cx.waker());
        last_return = Some(Instant::now());
        Poll::Pending
    })
    .await;
    (output, stalls)
}

/// Which clock [`run`]'s runtime keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// Tokio's paused test clock: timers fire as soon as every task waits, so simulated
    /// downloads take no real time, and recorded spans read simulated time.
    Paused,
    /// The real clock.
    Real,
}

/// A block still going on after this long is judged without waiting for its end.
const GIVE_UP: Duration = Duration::from_secs(2);

/// Runs the future `make` builds on a fresh current-thread tokio runtime (timers on, `clock`),
/// on a thread of its own, and returns its output. Fails, naming `exercise`:
///
/// - as soon as a task has blocked the runtime's thread for [`STALL`] or more: when the block
///   ends (the message says how long, and what to use instead), or after 2 s of it (or at
///   `limit`) if it does not end (a `block_on` inside async never does);
/// - if the run has not finished after `limit` although nothing blocked: a task waits for
///   something that never comes. Choose `limit` so that the verdict comes within seconds.
///
/// A panic inside the future (a failed assertion, a `todo!()`) is passed on unchanged. A run
/// that was judged early is left behind on its thread; the test process ends anyway.
#[track_caller]
pub fn run<T, F>(
    exercise: &str,
    limit: Duration,
    clock: Clock,
    make: impl FnOnce() -> F + Send + 'static,
) -> T
where
    T: Send + 'static,
    F: Future<Output = T> + 'static,
{
    let started = Instant::now();
    let shared = Arc::new(Mutex::new(Shared {
        seen: started,
        stalls: Stalls::default(),
    }));
    let (done, finished) = mpsc::channel();
    let watched = Arc::clone(&shared);
    thread::Builder::new()
        .name(format!("runtime for {exercise}"))
        .spawn(move || {
            let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_time()
                    .start_paused(clock == Clock::Paused)
                    .build()
                    .expect("a tokio runtime starts");
                runtime.block_on(watch_with(make(), Some(watched)))
            }));
            let _ = done.send(outcome);
        })
        .expect("the runtime's thread starts");
    loop {
        match finished.recv_timeout(Duration::from_millis(20)) {
            Ok(Ok((output, stalls))) => {
                if let Some(message) = stalls.verdict(exercise) {
                    panic!("{message}");
                }
                return output;
            }
            Ok(Err(payload)) => panic::resume_unwind(payload),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                panic!("\n{exercise}: the runtime's thread ended without an answer.\n")
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
        }
        let (away, stalls) = {
            let shared = shared.lock().unwrap_or_else(PoisonError::into_inner);
            (shared.seen.elapsed(), shared.stalls.clone())
        };
        if let Some(message) = stalls.verdict(exercise) {
            panic!("{message}");
        }
        let out_of_time = started.elapsed() >= limit;
        if away >= GIVE_UP || (out_of_time && away >= STALL) {
            panic!(
                "\n{exercise}: a task has blocked the runtime's thread for {} so far, and has \
                 not given it back. Something waits without `.await` (`futures::executor::\
                 block_on`, a std lock or channel, `std::thread::sleep`, a loop that never \
                 awaits), and whatever it waits for cannot run on the thread it holds. Wait with \
                 `.await` (`tokio::time::sleep(..).await`), and run blocking work with \
                 `tokio::task::spawn_blocking`.\n",
                seconds(away),
            );
        }
        if out_of_time {
            panic!(
                "\n{exercise}: timed out after {}: the runtime was still running, but the \
                 answer never finished. Is a task waiting for something that never comes (a \
                 permit never given back, a channel never closed, a task never awaited)? Or busy \
                 waiting: a loop around `yield_now` that checks a clock or a flag keeps the \
                 runtime running and never lets it sleep (on a paused clock, time never moves). \
                 Wait with `.await` on the thing itself (`tokio::time::sleep`, a channel, a \
                 semaphore).\n",
                seconds(limit),
            );
        }
    }
}

fn seconds(duration: Duration) -> String {
    format!("{:.2} s", duration.as_secs_f64())
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXERCISE: &str = "exercise 0.3 `fetch` (lessons/lesson-00/src/exercises/fetch.rs)";

    fn message(payload: Box<dyn std::any::Any + Send>) -> String {
        payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_default()
    }

    /// Three tasks that wait 1 s each, either yielding or blocking, on the paused clock.
    async fn three_waits(blocking: bool) -> usize {
        let tasks: Vec<_> = (0..3)
            .map(|_| {
                tokio::spawn(async move {
                    tokio::task::yield_now().await;
                    if blocking {
                        thread::sleep(Duration::from_millis(400));
                    } else {
                        tokio::time::sleep(Duration::from_secs(1)).await;
                    }
                })
            })
            .collect();
        let mut finished = 0;
        for task in tasks {
            task.await.unwrap();
            finished += 1;
        }
        finished
    }

    #[test]
    fn yielding_tasks_pass_on_both_clocks() {
        assert_eq!(
            run(EXERCISE, Duration::from_secs(5), Clock::Paused, || {
                three_waits(false)
            }),
            3
        );
        assert_eq!(
            run(EXERCISE, Duration::from_secs(5), Clock::Real, || {
                three_waits(false)
            }),
            3
        );
    }

    #[test]
    fn a_blocking_sleep_in_a_spawned_task_is_told_how_long_and_what_to_use() {
        for clock in [Clock::Paused, Clock::Real] {
            let failure = panic::catch_unwind(|| {
                run(EXERCISE, Duration::from_secs(5), clock, || {
                    three_waits(true)
                })
            })
            .unwrap_err();
            let text = message(failure);
            assert!(text.contains(EXERCISE), "{text}");
            // Three blocks of 0.4 s: one stretch each, or fewer, longer ones when the
            // runtime ran two blocking tasks back to back.
            assert!(
                text.contains("blocked the runtime's thread for 1."),
                "{text}"
            );
            assert!(text.contains("tokio::time::sleep(..).await"), "{text}");
            assert!(text.contains("spawn_blocking"), "{text}");
        }
    }

    #[tokio::test(start_paused = true)]
    async fn watch_sees_a_block_inside_the_watched_future_itself() {
        let ((), stalls) = watch(async {
            tokio::time::sleep(Duration::from_secs(1)).await;
            thread::sleep(Duration::from_millis(300));
        })
        .await;
        assert_eq!(stalls.blocks, 1, "{stalls:?}");
        assert!(stalls.longest >= Duration::from_millis(300), "{stalls:?}");
        let ((), calm) = watch(tokio::time::sleep(Duration::from_secs(60))).await;
        assert!(!calm.any(), "{calm:?}");
        assert_eq!(calm.verdict(EXERCISE), None);
    }

    #[test]
    fn spawn_blocking_is_not_a_block_on_either_clock() {
        for clock in [Clock::Paused, Clock::Real] {
            let waited = run(EXERCISE, Duration::from_secs(5), clock, || async {
                tokio::task::spawn_blocking(|| thread::sleep(Duration::from_millis(400)))
                    .await
                    .unwrap();
                "waited"
            });
            assert_eq!(waited, "waited");
        }
    }

    #[test]
    fn a_hang_is_judged_in_seconds_and_says_whether_the_thread_is_blocked() {
        let started = Instant::now();
        let failure = panic::catch_unwind(|| {
            run(EXERCISE, Duration::from_secs(5), Clock::Paused, || async {
                // block_on inside async: the timer it waits for needs the thread it holds.
                futures_block_on(tokio::time::sleep(Duration::from_secs(1)));
            })
        })
        .unwrap_err();
        let text = message(failure);
        assert!(started.elapsed() < Duration::from_secs(3));
        assert!(
            text.contains("has blocked the runtime's thread for 2."),
            "{text}"
        );

        let failure = panic::catch_unwind(|| {
            run(
                EXERCISE,
                Duration::from_millis(600),
                Clock::Real,
                || async {
                    let (_keep, never) = tokio::sync::oneshot::channel::<()>();
                    let _ = never.await;
                },
            )
        })
        .unwrap_err();
        let text = message(failure);
        assert!(text.contains("timed out after 0.60 s"), "{text}");
        assert!(text.contains("runtime was still running"), "{text}");
    }

    #[test]
    fn a_panic_inside_passes_unchanged() {
        let failure = panic::catch_unwind(|| {
            run(EXERCISE, Duration::from_secs(5), Clock::Paused, || async {
                todo!("exercise 0.3: not yet")
            })
        })
        .unwrap_err();
        assert!(message(failure).contains("exercise 0.3: not yet"));
    }

    /// A minimal `block_on` (what `futures::executor::block_on` does), parking the thread.
    fn futures_block_on<F: Future>(future: F) -> F::Output {
        struct Unpark(thread::Thread);
        impl std::task::Wake for Unpark {
            fn wake(self: Arc<Self>) {
                self.0.unpark();
            }
        }
        let waker = Arc::new(Unpark(thread::current())).into();
        let mut cx = std::task::Context::from_waker(&waker);
        let mut future = pin!(future);
        loop {
            if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
                return output;
            }
            thread::park();
        }
    }
}
