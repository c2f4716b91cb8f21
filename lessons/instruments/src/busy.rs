//! Busy waiting, seen by the kernel: was a thread runnable, or woken again and again, during a
//! stretch in which it had nothing to wait for but a slot, a page or a report?
//!
//! A thread that waits well (`.await`, `blocking_recv`, a semaphore, a condvar, a join) sleeps
//! in the kernel until what it waits for is ready: it is not runnable meanwhile, and it is
//! woken once. A thread that busy-waits asks again and again: with `yield_now` between tries it
//! stays *runnable* the whole time (on a CPU, or queued for one: on a busy machine it gets a
//! smaller share of a core, but it is runnable just as long); with a short sleep between tries
//! it is runnable only briefly but *woken* every few milliseconds. Linux counts both for every
//! thread (`/proc/self/task/TID/schedstat`: nanoseconds on a CPU, nanoseconds queued for one,
//! times given a CPU), so neither depends on how loaded the machine is, unlike CPU time.
//!
//! [`Watch::start`] samples those counts every [`PERIOD`] on a thread of its own, for the
//! threads a [`Threads`] names (all but its own, or a listed few), until [`Watch::stop`]; a
//! thread that ends between two samples is still counted up to its last one. A check then asks
//! [`Recording::judge`] about a *quiet window* it chose: a stretch in which nothing could be
//! ready (every download held, every slot taken), so any thread that was runnable for half of
//! it, or woken more than a handful of times, was asking instead of waiting.
//!
//! ```
//! use std::time::{Duration, Instant};
//! use instruments::busy::{Threads, Watch};
//!
//! let threads = Threads::listed(); // only the threads that list themselves are watched
//! let Some(watch) = Watch::start(threads.clone(), Duration::from_secs(5)) else {
//!     return; // not Linux: nothing to read
//! };
//! let from = Instant::now();
//! let waiter = std::thread::spawn(move || {
//!     threads.add_current();
//!     std::thread::sleep(Duration::from_millis(200)); // waits well
//! });
//! waiter.join().unwrap();
//! let recording = watch.stop();
//! // A sleeping thread is neither runnable nor woken: no verdict.
//! assert!(recording.judge(from, Instant::now(), 10).is_none());
//! ```

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

/// How often [`Watch`] samples the threads' counts.
pub const PERIOD: Duration = Duration::from_millis(10);

/// Which threads a [`Watch`] samples: all of the process's but its own, or only those listed
/// (a check's runtime thread and the threads its runtime starts, say, when other checks run in
/// the same process at the same time).
#[derive(Debug, Clone, Default)]
pub struct Threads(Option<Arc<Mutex<HashSet<i32>>>>);

impl Threads {
    /// Every thread of the process but the watcher's own.
    pub fn all() -> Threads {
        Threads(None)
    }

    /// Only the threads added with [`Threads::add_current`] (none yet).
    pub fn listed() -> Threads {
        Threads(Some(Arc::default()))
    }

    /// Adds the calling thread to a listed set (for a tokio runtime: call it in
    /// `on_thread_start`, and on the thread that calls `block_on`).
    pub fn add_current(&self) {
        if let (Some(list), Some(tid)) = (&self.0, current_tid()) {
            list.lock()
                .unwrap_or_else(PoisonError::into_inner)
                .insert(tid);
        }
    }

    fn includes(&self, tid: i32) -> bool {
        self.0.as_ref().is_none_or(|list| {
            list.lock()
                .unwrap_or_else(PoisonError::into_inner)
                .contains(&tid)
        })
    }
}

/// The kernel's id of the calling thread (`None` where there is none to read).
pub fn current_tid() -> Option<i32> {
    #[cfg(target_os = "linux")]
    {
        Some(rustix::thread::gettid().as_raw_nonzero().get())
    }
    #[cfg(not(target_os = "linux"))]
    {
        None
    }
}

/// One thread's counts at one moment, since it started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// On a CPU plus queued for one.
    pub runnable: Duration,
    /// Times given a CPU: a sleeping thread's wake-ups, a spinning one's time slices.
    pub scheduled: u64,
}

/// Thread `tid`'s counts now (`tid` from [`current_tid`] on that thread); `None` once it has
/// ended, or where there are none to read. Two readings around a stretch in which the thread
/// should have slept tell whether it did: a sleeping thread's `runnable` does not grow.
pub fn counts_of(tid: i32) -> Option<Counts> {
    #[cfg(target_os = "linux")]
    {
        let process = procfs::process::Process::myself().ok()?;
        process
            .task_from_tid(tid)
            .ok()?
            .schedstat()
            .ok()
            .map(counts)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = tid;
        None
    }
}

#[derive(Debug)]
struct Sample {
    at: Instant,
    threads: HashMap<i32, Counts>,
}

/// Samples the threads' counts every [`PERIOD`] on a thread of its own until stopped.
#[derive(Debug)]
pub struct Watch {
    stop: Arc<AtomicBool>,
    sampler: thread::JoinHandle<Recording>,
}

impl Watch {
    /// Starts sampling `threads`, for at most `limit` (then it stops by itself, so a check that
    /// never calls [`Watch::stop`] leaves no thread behind for long). `None` where the counts
    /// cannot be read (not Linux, or a kernel without scheduler statistics): a check then has
    /// nothing to judge by, and should say so rather than pass or fail.
    pub fn start(threads: Threads, limit: Duration) -> Option<Watch> {
        read_counts(&Threads::all(), None)?;
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let sampler = thread::Builder::new()
            .name("busy-watch".into())
            .spawn(move || {
                let own = current_tid();
                let (started, mut recording) = (Instant::now(), Recording::default());
                while !stopped.load(Ordering::Relaxed) && started.elapsed() < limit {
                    if let Some(sample) = read_counts(&threads, own) {
                        recording.samples.push(sample);
                        recording.note_names();
                    }
                    thread::sleep(PERIOD);
                }
                if let Some(sample) = read_counts(&threads, own) {
                    recording.samples.push(sample);
                }
                recording
            })
            .ok()?;
        Some(Watch { stop, sampler })
    }

    /// Stops sampling (after one last sample) and returns what was seen.
    pub fn stop(self) -> Recording {
        self.stop.store(true, Ordering::Relaxed);
        self.sampler.join().unwrap_or_default()
    }
}

/// What a [`Watch`] saw: every thread's counts, every [`PERIOD`].
#[derive(Debug, Default)]
pub struct Recording {
    samples: Vec<Sample>,
    names: HashMap<i32, String>,
}

/// What one thread did within a window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    /// The thread's name (the kernel's: at most 15 bytes).
    pub name: String,
    /// From its first sample in the window to its last.
    pub observed: Duration,
    /// How long it was on a CPU or queued for one, of `observed`.
    pub runnable: Duration,
    /// How many times it was given a CPU.
    pub wakeups: u64,
}

/// How a thread waited badly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BusyWait {
    /// Runnable for at least half of the window: asking in a loop, yielding or not.
    Spinning(Activity),
    /// Woken more often than allowed: asking in a loop with a short sleep between tries.
    Polling(Activity),
}

impl fmt::Display for BusyWait {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BusyWait::Spinning(a) => write!(
                f,
                "thread '{}' was runnable (on a core, or queued for one) for {} ms of the {} ms \
                 in which it had nothing to do: it spun, asking again and again",
                a.name,
                a.runnable.as_millis(),
                a.observed.as_millis()
            ),
            BusyWait::Polling(a) => write!(
                f,
                "thread '{}' was woken {} times in the {} ms in which it had nothing to do: it \
                 polled, asking again after each short sleep",
                a.name,
                a.wakeups,
                a.observed.as_millis()
            ),
        }
    }
}

impl Recording {
    /// Each thread's activity between `from` and `to` (threads sampled at least twice in it).
    pub fn between(&self, from: Instant, to: Instant) -> Vec<Activity> {
        let inside: Vec<&Sample> = self
            .samples
            .iter()
            .filter(|s| s.at >= from && s.at <= to)
            .collect();
        let mut first: HashMap<i32, (Instant, Counts)> = HashMap::new();
        let mut last: HashMap<i32, (Instant, Counts)> = HashMap::new();
        for sample in inside {
            for (&tid, &counts) in &sample.threads {
                first.entry(tid).or_insert((sample.at, counts));
                last.insert(tid, (sample.at, counts));
            }
        }
        let mut activities: Vec<Activity> = first
            .into_iter()
            .filter_map(|(tid, (start, before))| {
                let (end, after) = last.get(&tid)?;
                (*end > start).then(|| Activity {
                    name: self.names.get(&tid).cloned().unwrap_or_default(),
                    observed: *end - start,
                    runnable: after.runnable.saturating_sub(before.runnable),
                    wakeups: after.scheduled.saturating_sub(before.scheduled),
                })
            })
            .collect();
        activities.sort_by(|a, b| b.runnable.cmp(&a.runnable).then(b.wakeups.cmp(&a.wakeups)));
        activities
    }

    /// The worst busy wait between `from` and `to`, if any: a thread runnable for at least half
    /// of the time it was watched there (and at least 50 ms), or woken more than
    /// `most_wakeups` times. `None` if every thread waited well, or the window held fewer than
    /// two samples (nothing to judge by).
    pub fn judge(&self, from: Instant, to: Instant, most_wakeups: u64) -> Option<BusyWait> {
        let activities = self.between(from, to);
        let spinning = activities
            .iter()
            .find(|a| a.observed >= Duration::from_millis(50) && a.runnable * 2 >= a.observed);
        if let Some(a) = spinning {
            return Some(BusyWait::Spinning(a.clone()));
        }
        let polling = activities.into_iter().max_by_key(|a| a.wakeups)?;
        (polling.wakeups > most_wakeups).then_some(BusyWait::Polling(polling))
    }

    /// Reads the names of the threads the last sample saw first.
    fn note_names(&mut self) {
        let Some(sample) = self.samples.last() else {
            return;
        };
        for tid in sample.threads.keys() {
            if !self.names.contains_key(tid) {
                self.names.insert(*tid, thread_name(*tid));
            }
        }
    }
}

/// The quiet window of a set of waits, each `(start, end)`: from `margin` after the last one
/// that started before any ended, to `margin` before the first one ended. In it, all those were
/// under way and none was done: if they were everything the code under test waited for, nothing
/// could be ready. `None` if there is no such stretch.
pub fn quiet_window(
    waits: impl IntoIterator<Item = (Instant, Instant)>,
    margin: Duration,
) -> Option<(Instant, Instant)> {
    let waits: Vec<(Instant, Instant)> = waits.into_iter().collect();
    let first_end = waits.iter().map(|w| w.1).min()?;
    let last_start = waits.iter().map(|w| w.0).filter(|s| *s < first_end).max()?;
    let (from, to) = (last_start + margin, first_end.checked_sub(margin)?);
    (to > from).then_some((from, to))
}

#[cfg(target_os = "linux")]
fn read_counts(threads: &Threads, own: Option<i32>) -> Option<Sample> {
    let at = Instant::now();
    let process = procfs::process::Process::myself().ok()?;
    let mut threads_counts = HashMap::new();
    for task in process.tasks().ok()?.flatten() {
        if Some(task.tid) == own || !threads.includes(task.tid) {
            continue;
        }
        // A thread that ended meanwhile has no counts to read: it is simply not in this sample.
        if let Ok(stat) = task.schedstat() {
            threads_counts.insert(task.tid, counts(stat));
        }
    }
    (!threads_counts.is_empty() || threads.0.is_some()).then_some(Sample {
        at,
        threads: threads_counts,
    })
}

#[cfg(target_os = "linux")]
fn counts(stat: procfs::process::Schedstat) -> Counts {
    Counts {
        runnable: Duration::from_nanos(stat.sum_exec_runtime + stat.run_delay),
        scheduled: stat.pcount,
    }
}

#[cfg(not(target_os = "linux"))]
fn read_counts(_: &Threads, _: Option<i32>) -> Option<Sample> {
    None
}

#[cfg(target_os = "linux")]
fn thread_name(tid: i32) -> String {
    let process = procfs::process::Process::myself();
    let task = process.and_then(|p| p.task_from_tid(tid));
    task.and_then(|t| t.stat())
        .map(|stat| stat.comm)
        .unwrap_or_else(|_| format!("thread {tid}"))
}

#[cfg(not(target_os = "linux"))]
fn thread_name(tid: i32) -> String {
    format!("thread {tid}")
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    /// Runs `body` on a thread of its own, listed and watched (tests run side by side in one
    /// process: only the listed thread is judged), and judges the time it ran.
    fn judged(name: &str, body: impl FnOnce() + Send + 'static) -> Option<BusyWait> {
        let threads = Threads::listed();
        let watch = Watch::start(threads.clone(), Duration::from_secs(10)).expect("Linux counts");
        let (from, listed) = (Instant::now(), threads.clone());
        let worker = thread::Builder::new().name(name.into()).spawn(move || {
            listed.add_current();
            thread::sleep(PERIOD * 2); // sampled before it starts
            body();
            thread::sleep(PERIOD * 2); // and after
        });
        worker.unwrap().join().unwrap();
        watch.stop().judge(from, Instant::now(), 10)
    }

    #[test]
    fn a_sleeping_thread_waits_well() {
        let verdict = judged("sleeper", || thread::sleep(Duration::from_millis(300)));
        assert_eq!(verdict, None);
    }

    #[test]
    fn a_yielding_loop_spins_whatever_the_load() {
        let verdict = judged("spinner", || {
            let started = Instant::now();
            while started.elapsed() < Duration::from_millis(300) {
                thread::yield_now();
            }
        });
        match verdict {
            Some(BusyWait::Spinning(a)) => assert_eq!(a.name, "spinner"),
            other => panic!("a spinning thread, not {other:?}"),
        }
    }

    #[test]
    fn a_loop_of_short_sleeps_polls() {
        let verdict = judged("poller", || {
            for _ in 0..100 {
                thread::sleep(Duration::from_millis(3));
            }
        });
        match verdict {
            Some(BusyWait::Polling(a)) => assert_eq!(a.name, "poller"),
            other => panic!("a polling thread, not {other:?}"),
        }
    }

    #[test]
    fn the_quiet_window_is_where_every_wait_is_under_way() {
        let t = Instant::now();
        let ms = |n| t + Duration::from_millis(n);
        let margin = Duration::from_millis(10);
        // Two waits overlapping from 100 to 400; a third starting after the first end is not
        // part of it.
        let waits = [(ms(0), ms(400)), (ms(100), ms(500)), (ms(450), ms(900))];
        assert_eq!(quiet_window(waits, margin), Some((ms(110), ms(390))));
        // One after the other: no stretch in which both were under way.
        assert_eq!(
            quiet_window([(ms(0), ms(100)), (ms(95), ms(200))], margin),
            None
        );
        assert_eq!(quiet_window([], margin), None);
    }

    #[test]
    fn a_thread_not_listed_is_not_judged() {
        let watch = Watch::start(Threads::listed(), Duration::from_secs(10)).unwrap();
        let started = Instant::now();
        let spinner = thread::spawn(move || {
            while started.elapsed() < Duration::from_millis(200) {
                thread::yield_now();
            }
        });
        spinner.join().unwrap();
        let recording = watch.stop();
        assert_eq!(recording.judge(started, Instant::now(), 10), None);
    }
}
