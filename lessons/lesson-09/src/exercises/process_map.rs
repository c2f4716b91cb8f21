//! Exercise 9.1 `process_map`: a process pool's `map`, `multiprocessing.Pool(workers).map`.

#[allow(unused_imports)] // you will need these
use instruments::process::{Worker, WorkerCommand};

#[allow(unused_imports)] // you will need it
use crate::JOB_LIMIT;
use crate::{Answer, Job};

/// Exercise 9.1: run every job on worker processes started from `command`, never more than
/// `workers` alive at once, and return their answers in the order of `jobs`. Every worker is
/// waited for before it returns.
///
/// - `Worker::spawn(command)` starts a worker process (the lesson's binary, in worker mode);
///   `worker.request(job, JOB_LIMIT)` sends it one job as a JSON line and reads its answer;
///   `worker.finish(JOB_LIMIT)` closes its stdin and waits for it to exit.
/// - At most `workers` worker processes alive at once, and (with enough jobs) that many
///   working at once: the check reads which processes were alive, and the answers say which
///   process worked when.
/// - Each worker is started once and does many jobs (the check counts the processes started),
///   and a worker that is free takes the next job at once: no batches, no share of the jobs
///   decided up front (the check sends one long job among short ones).
/// - The answers in the order of `jobs`, not the order they finish.
///
/// Hint: inside `std::thread::scope`, one thread per worker process; each takes the next job
/// not yet taken (`AtomicUsize::fetch_add`) until none is left, keeps `(index, answer)`
/// pairs, and finishes its worker. After the joins, put each answer in its job's place.
pub fn process_map(command: &WorkerCommand, workers: usize, jobs: &[Job]) -> Vec<Answer> {
    // TODO: one scoped thread per worker (at most `workers`), each with its own `Worker`
    // taking jobs one at a time; then the answers back in the order of the jobs.
    let _ = (command, workers, jobs);
    todo!(
        "exercise 9.1 `process_map` (lessons/lesson-09/src/exercises/process_map.rs): start at \
         most `workers` worker processes, feed each one job at a time, return the answers in \
         the order of the jobs"
    )
}
