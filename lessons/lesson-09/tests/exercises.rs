//! Checks for lesson 09's exercises: `cargo test -p lesson-09`.
//!
//! The workers are real processes: the lesson's own binary in worker mode. Each logs to a file
//! of the check's own when it starts and when it exits, so the check knows which processes
//! were alive when; each answer says which process did the job and when (a clock every process
//! shares), so the check draws the processes working; and after the answer returns, every
//! worker must have been waited for (no zombie, none still running). A hung answer gets its
//! verdict within seconds.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use instruments::Span;
use instruments::check::{expect_at_once, within};
use instruments::process::{JobError, WorkerCommand, left_behind};
use lesson_09::exercises::{process_map, resilient_map};
use lesson_09::{Answer, Job, Task, WORKER, WORKER_LOG, micros_now};

const MAP: &str = "exercise 9.1 `process_map` (lessons/lesson-09/src/exercises/process_map.rs)";
const RESILIENT: &str =
    "exercise 9.2 `resilient_map` (lessons/lesson-09/src/exercises/resilient_map.rs)";

/// The longest a check may take before a hung answer is judged.
const LIMIT: Duration = Duration::from_secs(12);

/// A log file of this check's own (checks run side by side in one process).
fn log_file(check: &str) -> PathBuf {
    let name = format!("lesson-09-{}-{check}.log", std::process::id());
    let path = std::env::temp_dir().join(name);
    let _ = std::fs::remove_file(&path);
    path
}

/// The lesson's binary in worker mode, logging to `log`.
fn workers(log: &PathBuf) -> WorkerCommand {
    WorkerCommand::new(env!("CARGO_BIN_EXE_lesson-09"))
        .arg(WORKER)
        .env(WORKER_LOG, log)
}

/// Each worker's life from the log: pid -> (started, exited if it exited by itself), in µs.
fn lives(log: &PathBuf) -> BTreeMap<u32, (u64, Option<u64>)> {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let mut lives = BTreeMap::new();
    for line in text.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [event, pid, at] = fields[..] else {
            continue;
        };
        let (Ok(pid), Ok(at)) = (pid.parse::<u32>(), at.parse::<u64>()) else {
            continue;
        };
        let life = lives.entry(pid).or_insert((at, None));
        match event {
            "start" => life.0 = at,
            _ => life.1 = Some(at),
        }
    }
    lives
}

fn micros(us: u64, since: u64) -> Duration {
    Duration::from_micros(us.saturating_sub(since))
}

/// Spans from `(row, start µs, end µs)`, against `since`.
fn spans(rows: impl IntoIterator<Item = (String, u64, u64)>, label: &str, since: u64) -> Vec<Span> {
    rows.into_iter()
        .map(|(task, start, end)| Span {
            thread_name: task.clone(),
            task,
            label: label.to_owned(),
            thread: 0,
            start: micros(start, since),
            end: micros(end, since),
        })
        .collect()
}

/// Fails unless every worker that ever started has been waited for.
#[track_caller]
fn expect_all_waited_for(exercise: &str, log: &PathBuf) {
    for pid in lives(log).keys() {
        if let Some(state) = left_behind(*pid) {
            panic!(
                "\n{exercise}: worker process {pid} was not waited for: it is {state}. Every \
                 worker must be finished (`worker.finish(...)`: close its stdin, wait for it) \
                 before the function returns; a `Worker` that is dropped is waited for too.\n"
            );
        }
    }
}

/// Fails if more worker processes were started than `workers`: a pool starts each worker once
/// and gives it many jobs (9.1's jobs never kill a worker).
#[track_caller]
fn expect_started_once(exercise: &str, log: &PathBuf, workers: usize) {
    let started = lives(log).len();
    assert!(
        started <= workers,
        "\n{exercise}: {started} worker processes were started for {workers} workers, but a \
         pool starts each worker once and gives it many jobs, one after another. A process per \
         job pays a process start (many times a thread's) for every job: keep each thread's \
         `Worker` for all of its jobs, and `finish` it once, when no job is left.\n"
    );
}

fn sleep_jobs(millis: &[u64]) -> Vec<Job> {
    (millis.iter().enumerate())
        .map(|(id, &ms)| Job {
            id,
            task: Task::Sleep { ms },
        })
        .collect()
}

#[test]
fn exercise_9_1_process_map_keeps_to_its_workers_and_the_order_of_the_jobs() {
    let log = log_file("9-1");
    let command = workers(&log);
    // Three long jobs first, so three workers overlap even on a busy machine, then short and
    // long ones: answers collected as they finish come back out of order.
    let millis = [300, 240, 200, 80, 160, 80, 120, 80, 100];
    let jobs = sleep_jobs(&millis);
    let count = 3;
    let since = micros_now();
    let answers = within(MAP, LIMIT, {
        let jobs = jobs.clone();
        move || process_map(&command, count, &jobs)
    });
    let checked_at = micros_now();
    expect_all_waited_for(MAP, &log);

    let got: Vec<usize> = answers.iter().map(|a| a.job).collect();
    let want: Vec<usize> = jobs.iter().map(|j| j.id).collect();
    assert_eq!(
        got.len(),
        want.len(),
        "\n{MAP}: {} jobs, but {} answers came back: {got:?}. Every job needs its answer.\n",
        want.len(),
        got.len()
    );
    assert_eq!(
        got, want,
        "\n{MAP}: the answers must come back in the order of the jobs ({want:?}); got them in \
         the order {got:?}, the order they finished. Keep each answer with its job's index and \
         put it back in its place.\n"
    );
    let values: Vec<u64> = answers.iter().map(|a| a.value).collect();
    assert_eq!(values, millis, "\n{MAP}: wrong values: {values:?}\n");

    let lives = lives(&log);
    let strangers: Vec<u32> = (answers.iter().map(|a| a.pid))
        .filter(|pid| !lives.contains_key(pid))
        .collect();
    assert!(
        strangers.is_empty(),
        "\n{MAP}: answers from processes {strangers:?}, which are not workers started from \
         `command`. Start every worker with `Worker::spawn(command)`.\n"
    );
    // A worker that was killed (dropped without `finish`) logged no exit: alive until now.
    let alive = spans(
        (lives.iter()).map(|(pid, (start, end))| {
            (format!("process {pid}"), *start, end.unwrap_or(checked_at))
        }),
        "alive",
        since,
    );
    let most_alive = instruments::summary::max_concurrent(&alive);
    assert!(
        most_alive <= count,
        "\n{MAP}: at most {count} worker processes may be alive at once, but {most_alive} \
         were ({} started in all):\n\n{}\nStart `workers` workers and give each many jobs, one \
         after another, instead of a process per job all at once.\n",
        lives.len(),
        instruments::timeline::draw(&alive, 72),
    );
    expect_started_once(MAP, &log, count);
    let working = spans(
        (answers.iter()).map(|a| (format!("process {}", a.pid), a.started_us, a.ended_us)),
        "job",
        since,
    );
    expect_at_once(
        MAP,
        &working,
        count,
        "With 3 workers and 9 jobs, 3 processes should work at once (each row above is a \
         process, each bar a job). Start all the workers before waiting for any answer: one \
         thread per worker.",
    );
}

#[test]
fn exercise_9_1_process_map_gives_the_next_job_to_the_first_free_worker() {
    let log = log_file("9-1-free");
    let command = workers(&log);
    // One long job first, then short ones: while the long job holds its worker, the other two
    // workers have time to do every short job many times over, even on a busy machine.
    let (long, short, count) = (1500, 20, 3);
    let mut millis = vec![long];
    millis.extend([short; 10]);
    let jobs = sleep_jobs(&millis);
    let since = micros_now();
    let answers = within(MAP, LIMIT, {
        let jobs = jobs.clone();
        move || process_map(&command, count, &jobs)
    });
    expect_all_waited_for(MAP, &log);
    let got: Vec<usize> = answers.iter().map(|a| a.job).collect();
    let want: Vec<usize> = jobs.iter().map(|j| j.id).collect();
    assert_eq!(
        got, want,
        "\n{MAP}: the answers must come back in the order of the jobs, one answer per job.\n"
    );
    expect_started_once(MAP, &log, count);
    let first = &answers[0];
    let late: Vec<usize> = (answers.iter().skip(1))
        .filter(|a| a.started_us >= first.ended_us)
        .map(|a| a.job)
        .collect();
    let working = spans(
        (answers.iter()).map(|a| (format!("process {}", a.pid), a.started_us, a.ended_us)),
        "job",
        since,
    );
    assert!(
        late.is_empty(),
        "\n{MAP}: job 0 kept its worker (process {}) busy for {long} ms; the other {} jobs take \
         {short} ms each, so the other {} workers had time to do them all while job 0 ran. Yet \
         jobs {late:?} started only after job 0 had ended: they waited although a worker was \
         free.\n\n{}\nA free worker takes the next job at once. Do not send the jobs in \
         batches (one to each worker, then wait for the whole batch), nor split them up front \
         into a share per worker (`Pool.map`'s chunksize, `jobs.chunks(..)`, every `workers`-th \
         job): let each worker's thread take the next job not yet taken, one at a time \
         (`AtomicUsize::fetch_add`), whenever its worker is free.\n",
        first.pid,
        jobs.len() - 1,
        count - 1,
        instruments::timeline::draw(&working, 72),
    );
}

/// The 9.2 jobs: healthy ones between ways to die, and the words each death's error holds.
fn deadly_jobs() -> (Vec<Job>, BTreeMap<usize, &'static str>) {
    // Two long jobs first: the two workers take them at once, so they overlap even on a busy
    // machine.
    let tasks = [
        Task::Sleep { ms: 300 },
        Task::Sleep { ms: 300 },
        Task::Abort,
        Task::Sleep { ms: 60 },
        Task::KillSelf,
        Task::Sleep { ms: 60 },
        Task::Exit { code: 3 },
        Task::Sleep { ms: 60 },
        Task::Garbage,
        Task::Sleep { ms: 60 },
        Task::Hang,
        Task::Sleep { ms: 60 },
        Task::Sleep { ms: 60 },
    ];
    let deaths = BTreeMap::from([
        (2, "aborted"),
        (4, "killed"),
        (6, "exited with status 3"),
        (8, "garbage"),
        (10, "timed out"),
    ]);
    let jobs = (tasks.into_iter().enumerate())
        .map(|(id, task)| Job { id, task })
        .collect();
    (jobs, deaths)
}

#[test]
fn exercise_9_2_resilient_map_loses_only_the_jobs_whose_workers_died() {
    let log = log_file("9-2");
    let command = workers(&log);
    let (jobs, deaths) = deadly_jobs();
    // A hung worker is given 2 s (a healthy job needs 60 ms); the whole run needs about 2 s.
    let limit = Duration::from_secs(2);
    let since = micros_now();
    let results: Vec<Result<Answer, JobError>> = within(RESILIENT, LIMIT, {
        let jobs = jobs.clone();
        move || resilient_map(&command, 2, &jobs, limit)
    });
    expect_all_waited_for(RESILIENT, &log);
    let lost: Vec<usize> = (jobs.iter().map(|j| j.id))
        .filter(|id| !deaths.contains_key(id))
        .filter(|id| !matches!(results.get(*id), Some(Ok(answer)) if answer.job == *id))
        .collect();
    let shown: Vec<String> = (results.iter().enumerate())
        .map(|(i, r)| match r {
            Ok(answer) => format!("  {i}: answer to job {}", answer.job),
            Err(error) => format!("  {i}: {error}"),
        })
        .collect();
    assert!(
        results.len() == jobs.len() && lost.is_empty(),
        "\n{RESILIENT}: {} jobs, {} results; healthy jobs lost or out of place: {lost:?}. \
         Got:\n{}\nA worker's death must cost only its own job: start a new worker for the \
         jobs still waiting, and put each result in its job's place.\n",
        jobs.len(),
        results.len(),
        shown.join("\n"),
    );
    let working = spans(
        (results.iter().flatten())
            .map(|a| (format!("process {}", a.pid), a.started_us, a.ended_us)),
        "job",
        since,
    );
    expect_at_once(
        RESILIENT,
        &working,
        2,
        "With 2 workers, 2 processes should work at once, as in 9.1 (each row above is a \
         process, each bar a job): one thread per worker.",
    );
    for (&id, words) in &deaths {
        let error = match &results[id] {
            Err(error) => error.to_string(),
            Ok(answer) => panic!("\n{RESILIENT}: job {id} killed its worker, yet: {answer:?}\n"),
        };
        assert!(
            error.starts_with(&format!("job {id}: ")) && error.contains(words),
            "\n{RESILIENT}: job {id}'s worker {words}, so its error must name job {id} and say \
             so; it reads {error:?}. Return `JobError {{ job: job.id, cause }}` with the \
             `WorkerError` that `request` gave, for the job that was running.\n"
        );
    }
    // A worker that exits because its stdin closed logs its exit; one that died logs none.
    let lives = lives(&log);
    let died = lives.values().filter(|(_, exit)| exit.is_none()).count();
    assert!(
        died <= deaths.len(),
        "\n{RESILIENT}: {} of the jobs kill their worker, but {died} worker processes died \
         ({} started in all): a job whose worker died was sent to another worker, which died \
         too. A job is sent once: when its worker dies, that job's result is its error \
         (`JobError` naming the job and the cause), and a new worker starts for the jobs still \
         waiting. Do not send that job again, not even once more: a job that crashes its \
         worker crashes the next one, and a job that hangs holds its thread for the limit \
         again.\n",
        deaths.len(),
        lives.len(),
    );
    let (size, most) = (2, 2 + deaths.len());
    assert!(
        lives.len() <= most,
        "\n{RESILIENT}: {} worker processes were started for {size} workers and {} deaths; \
         at most {most} were needed ({size} at the start, one for each death). A pool keeps \
         each worker for many jobs: keep each thread's `Worker` until it dies, and start a new \
         one only then.\n",
        lives.len(),
        deaths.len(),
    );
}
