//! Lesson 05: queues and channels.
//!
//! The tutorials' advice "use queues for communication", and their producer-consumer, with
//! channels: a bounded channel that holds a fast producer back (backpressure), jobs fanned out
//! to several workers and their results fanned back in, `select!` waiting for a result or a
//! timeout, and shutdown by dropping the senders instead of sending a `None` sentinel.
//!
//! This file holds the code the chapter shows (between `ANCHOR` marks); `src/exercises/` holds
//! the learner's work, one file per exercise, and `src/solutions/` the reference answers.

use std::sync::{Mutex, PoisonError, mpsc};
use std::thread;
use std::time::Duration;

use crossbeam::channel::{self, TrySendError, after, select};
use instruments::timeline::format_duration as shown;
use instruments::{Recorder, Summary, work};

#[cfg(not(feature = "solutions"))]
pub mod exercises;
#[cfg(feature = "solutions")]
#[path = "solutions/mod.rs"]
pub mod exercises;

// ANCHOR: job
/// A job to do: its number, and how long doing it takes (a simulated wait, like a download).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Job {
    /// The job's number; its result carries the same number.
    pub id: u64,
    /// How long the job takes.
    pub latency: Duration,
}

/// A finished job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Done {
    /// The number of the job it came from.
    pub id: u64,
    /// The job's answer: its number squared, so a wrong pairing is caught.
    pub answer: u64,
}

/// `count` jobs numbered from 1, each taking `latency`.
pub fn jobs(count: u64, latency: Duration) -> Vec<Job> {
    (1..=count).map(|id| Job { id, latency }).collect()
}

/// Does one job on the calling thread, recorded as a "work" span on `worker`'s row.
pub fn process(job: &Job, worker: &str, recorder: &Recorder) -> Done {
    let _span = recorder.span(worker, "work");
    work::download(job.latency); // the thread sleeps: waiting on the network, say
    Done {
        id: job.id,
        answer: job.id * job.id,
    }
}
// ANCHOR_END: job

/// What came through a producer-consumer queue, and how full the queue got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flow {
    /// The consumer's results, in the order it took the jobs.
    pub done: Vec<Done>,
    /// The most jobs that were waiting in the queue at once, seen by the producer.
    pub peak_queue: usize,
}

// ANCHOR: backpressure
/// One producer, one consumer, one queue between them: `Some(capacity)` for a bounded
/// channel, `None` for an unbounded one. The producer makes a job every `make_cost`; the
/// consumer (the calling thread) takes longer over each, so the queue fills up.
///
/// On a bounded channel a full queue makes `send` wait: the producer is held back to the
/// consumer's pace (backpressure). That wait is recorded as its own span, labelled "blocked on
/// full queue", on the row "producer blocked", so the timeline shows it.
pub fn produce_and_consume(
    jobs: Vec<Job>,
    capacity: Option<usize>,
    make_cost: Duration,
    recorder: &Recorder,
) -> Flow {
    let (sender, receiver) = match capacity {
        Some(capacity) => channel::bounded(capacity),
        None => channel::unbounded(),
    };
    thread::scope(|scope| {
        let producer = scope.spawn(move || {
            // `sender` was moved into this thread: when the thread ends, the sender is dropped,
            // the channel disconnects, and the consumer's loop below ends. No sentinel needed.
            let mut peak_queue = 0;
            for job in jobs {
                recorder.record("producer", "make job", || work::download(make_cost));
                // Try first, so that a send that has to wait can be told from one that does not.
                match sender.try_send(job) {
                    Ok(()) => {}
                    Err(TrySendError::Full(job)) => {
                        let _blocked = recorder.span("producer blocked", "blocked on full queue");
                        // Waits until the consumer takes a job and frees a place.
                        if sender.send(job).is_err() {
                            break; // the consumer has gone: nobody to make jobs for
                        }
                    }
                    Err(TrySendError::Disconnected(_)) => break,
                }
                peak_queue = peak_queue.max(sender.len());
            }
            peak_queue
        });
        // `for job in &receiver` is Python's `while (job := q.get()) is not None`: it ends
        // once every sender is dropped *and* the queue is empty, so no job is left behind.
        let done = (&receiver)
            .into_iter()
            .map(|job| process(&job, "consumer", recorder))
            .collect();
        let peak_queue = producer.join().expect("the producer panicked");
        Flow { done, peak_queue }
    })
}
// ANCHOR_END: backpressure

// ANCHOR: fan_out_std
/// Fan-out and fan-in with the standard library's channels: `workers` threads take jobs from
/// one queue and send their results to one collector.
///
/// `std::sync::mpsc` is *multi-producer, single-consumer*: its `Receiver` cannot be cloned, so
/// several workers can share the job queue only by taking turns through a `Mutex`. (With
/// crossbeam's channels every worker gets its own clone of the receiver: exercise 5.1.)
pub fn fan_out_std(
    jobs: Vec<Job>,
    workers: usize,
    capacity: usize,
    recorder: &Recorder,
) -> Vec<Done> {
    let (job_sender, job_receiver) = mpsc::sync_channel::<Job>(capacity); // bounded
    let (result_sender, result_receiver) = mpsc::channel::<Done>();
    let job_receiver = Mutex::new(job_receiver);
    thread::scope(|scope| {
        scope.spawn(move || {
            for job in jobs {
                job_sender.send(job).expect("a worker is still taking jobs");
            }
            // `job_sender` is dropped here: once the queue is empty, `recv` returns Err.
        });
        for worker in 1..=workers {
            let (job_receiver, result_sender) = (&job_receiver, result_sender.clone());
            scope.spawn(move || {
                let name = format!("worker {worker}");
                loop {
                    // The lock guard is a temporary of this statement: it is released as soon
                    // as `recv` returns, so the next worker can wait for a job while this one
                    // works. (Holding it through `process` would run the jobs one at a time.)
                    let next = job_receiver
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .recv();
                    let Ok(job) = next else { break }; // queue closed and empty: done
                    let done = process(&job, &name, recorder);
                    result_sender
                        .send(done)
                        .expect("the collector is still listening");
                }
            });
        }
        // The original result sender must go too: the collector's loop ends only when *every*
        // sender is dropped, and this one belongs to no worker. Forget this line and the
        // collector waits forever.
        drop(result_sender);
        result_receiver.iter().collect()
    })
}
// ANCHOR_END: fan_out_std

/// What a collector with a deadline gathered, and whether it gave up waiting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collected {
    /// The results that arrived in time, in the order they arrived.
    pub done: Vec<Done>,
    /// When the collector gave up waiting (time on the recorder's clock), or `None` if every
    /// sender finished first.
    pub gave_up_at: Option<Duration>,
}

// ANCHOR: select_timeout
/// Starts one thread per job and collects the results, but waits at most `patience` for each
/// next result: `select!` waits on the results channel and on a timer channel at once and
/// takes whichever is ready first. A job slower than `patience` is given up on.
pub fn collect_with_patience(jobs: Vec<Job>, patience: Duration, recorder: &Recorder) -> Collected {
    let (sender, results) = channel::unbounded();
    for job in jobs {
        let (sender, recorder) = (sender.clone(), recorder.clone());
        // Plain (not scoped) threads: the collector must be free to return while a slow job
        // is still running. Its late `send` then fails, harmlessly: the receiver is gone.
        thread::spawn(move || {
            let done = process(&job, &format!("job {}", job.id), &recorder);
            let _ = sender.send(done);
        });
    }
    drop(sender); // only the job threads hold senders now
    let mut done = Vec::new();
    loop {
        select! {
            recv(results) -> message => match message {
                Ok(result) => done.push(result),
                // Every job thread has finished and dropped its sender.
                Err(_) => return Collected { done, gave_up_at: None },
            },
            // `after` is a channel that delivers one message once `patience` has passed.
            recv(after(patience)) -> _ => {
                recorder.record("collector", "gave up waiting", || ());
                return Collected { done, gave_up_at: Some(recorder.now()) };
            }
        }
    }
}
// ANCHOR_END: select_timeout

/// Total time of the spans with a label: how long the producer spent blocked, for example.
pub fn time_labelled(recorder: &Recorder, label: &str) -> Duration {
    recorder
        .spans_labelled(label)
        .iter()
        .map(instruments::Span::duration)
        .sum()
}

/// A producer-consumer run as the demonstration reports it: how full the queue got, when the
/// producer was done, and how long it spent blocked on a full queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueRun {
    /// The queue's capacity (`None`: unbounded).
    pub capacity: Option<usize>,
    /// Jobs done.
    pub done: usize,
    /// The most jobs waiting in the queue at once.
    pub peak_queue: usize,
    /// When the producer made its last job.
    pub producer_done: Duration,
    /// How long the producer was blocked on a full queue.
    pub blocked: Duration,
}

impl QueueRun {
    /// The capacity in words: `4`, or `unlimited`.
    pub fn capacity_shown(&self) -> String {
        self.capacity
            .map_or("unlimited".to_owned(), |c| c.to_string())
    }

    /// The timeline's title for the run called `name`.
    pub fn title(&self, name: &str) -> String {
        format!("{name} queue (capacity {})", self.capacity_shown())
    }

    /// The table's columns for this run.
    pub fn columns(&self) -> Vec<(&'static str, serde_json::Value)> {
        let capacity = self.capacity.map_or("none".to_owned(), |c| c.to_string());
        vec![
            ("capacity", capacity.into()),
            ("peak_queue", self.peak_queue.into()),
            ("producer_done", shown(self.producer_done).into()),
            ("producer_blocked", shown(self.blocked).into()),
        ]
    }

    /// The JSON report's figures for this run, under its `key`.
    pub fn figures(&self, key: &str) -> Vec<(String, serde_json::Value)> {
        vec![
            (
                format!("{key}_producer_blocked_seconds"),
                self.blocked.as_secs_f64().into(),
            ),
            (format!("{key}_peak_queue"), self.peak_queue.into()),
        ]
    }

    /// The setting, in words: what each run does, and the least it can take.
    pub fn setting(count: u64, make: Duration, consume: Duration) -> String {
        format!(
            "A producer makes {count} jobs ({} each), one consumer does them ({} each): {} of \
             consuming, the least either run can take.\n",
            shown(make),
            shown(consume),
            shown(consume * count as u32)
        )
    }

    /// The verdict: how long a bounded queue held the producer back, and how full each got.
    pub fn backpressure(bounded: &QueueRun, unbounded: &QueueRun) -> String {
        if bounded.blocked == Duration::ZERO {
            return "backpressure: the producer never found the queue full this time (did the \
                    consumer keep up?)."
                .to_owned();
        }
        format!(
            "backpressure: with capacity {}, the producer spent {} blocked on a full queue, and \
             the queue never held more than {} jobs; unbounded, it was blocked {} and the queue \
             grew to {} jobs.",
            bounded.capacity_shown(),
            shown(bounded.blocked),
            bounded.peak_queue,
            shown(unbounded.blocked),
            unbounded.peak_queue
        )
    }
}

/// [`produce_and_consume`] on `count` jobs that take `consume` each, made at `make` each, and
/// what it showed.
pub fn queue_run(
    count: u64,
    consume: Duration,
    capacity: Option<usize>,
    make: Duration,
    recorder: &Recorder,
) -> QueueRun {
    let flow = produce_and_consume(jobs(count, consume), capacity, make, recorder);
    let producing = recorder.spans();
    let producer_done = producing.iter().filter(|s| s.task.starts_with("producer"));
    QueueRun {
        capacity,
        done: flow.done.len(),
        peak_queue: flow.peak_queue,
        producer_done: producer_done.map(|s| s.end).max().unwrap_or_default(),
        blocked: time_labelled(recorder, "blocked on full queue"),
    }
}

/// A fan-out run as the demonstration reports it: results back, and how the workers overlapped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FanOut {
    /// Results that came back.
    pub results: usize,
    /// Jobs fanned out.
    pub jobs: u64,
    /// Workers.
    pub workers: usize,
    /// How long each job takes.
    pub job_time: Duration,
    /// Of the "work" spans: threads used, most at once.
    pub summary: Summary,
}

/// [`fan_out_std`] of `count` jobs of `job_time` to `workers` workers, and what it showed.
pub fn fan_out_run(count: u64, job_time: Duration, workers: usize, recorder: &Recorder) -> FanOut {
    let results = fan_out_std(jobs(count, job_time), workers, 2, recorder).len();
    let summary = Summary::of(&recorder.spans_labelled("work"));
    FanOut {
        results,
        jobs: count,
        workers,
        job_time,
        summary,
    }
}

impl FanOut {
    /// The JSON report's figures for this run.
    pub fn figures(&self) -> [(&'static str, usize); 3] {
        [
            ("fan_out_results", self.results),
            ("fan_out_most_at_once", self.summary.max_concurrent),
            ("fan_out_threads_used", self.summary.threads),
        ]
    }

    /// The verdict, for a run that took `elapsed`.
    pub fn verdict(&self, elapsed: Duration) -> String {
        let (jobs, job_time) = (self.jobs, self.job_time);
        format!(
            "fan-out: {jobs} jobs of {} ({} of work) took {} on {} workers; {} of {jobs} results \
             came back once each, with {} working at once on {} threads.",
            shown(job_time),
            shown(job_time * jobs as u32),
            shown(elapsed),
            self.workers,
            self.results,
            self.summary.max_concurrent,
            self.summary.threads
        )
    }
}

/// Jobs numbered from 1, taking these latencies.
pub fn numbered(latencies: &[Duration]) -> Vec<Job> {
    (1..)
        .zip(latencies)
        .map(|(id, &latency)| Job { id, latency })
        .collect()
}

impl Collected {
    /// The verdict, for these jobs and a collector with this `patience`.
    pub fn verdict(&self, jobs: &[Job], patience: Duration) -> String {
        let waits: Vec<String> = jobs.iter().map(|job| shown(job.latency)).collect();
        let waits = match waits.split_last() {
            Some((last, first)) => format!("jobs of {} and {last}", first.join(", ")),
            None => "no jobs".to_owned(),
        };
        match self.gave_up_at {
            Some(at) => format!(
                "select!: {waits}; {} of {} results arrived, then none for {}, so the collector \
                 gave up at {} instead of waiting for the slow job.",
                self.done.len(),
                jobs.len(),
                shown(patience),
                shown(at)
            ),
            None => format!("select!: {waits}; every result arrived before the timeout fired."),
        }
    }
}
