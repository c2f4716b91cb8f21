//! `cargo run -p lesson-09 -- pool --jobs N --job-ms M --workers W [--json]`: just the process
//! pool, to play with. N CPU jobs of about M ms each on W worker processes; every job's result
//! or error is printed. While it runs, each worker's process id is printed (on stderr) as it
//! starts and as it takes a job: kill one with `kill -9 <pid>` and that job is reported as an
//! error, a new worker takes the jobs still waiting, and the exit status is still 0.

use std::time::Duration;

use clap::Parser;
use instruments::process::{Event, JobError, Pool};
use instruments::work;
use serde_json::{Value, json};

use crate::{Answer, JOB_LIMIT, cpu_jobs, this_binary_as_worker};

/// The `pool` subcommand's flags.
#[derive(Debug, Clone, Parser)]
#[command(
    name = "lesson-09 pool",
    about = "Run CPU jobs on a pool of worker processes"
)]
pub struct PoolArgs {
    /// How many jobs.
    #[arg(long, default_value_t = 12)]
    pub jobs: usize,
    /// About how long each job computes, in milliseconds.
    #[arg(long, default_value_t = 500)]
    pub job_ms: u64,
    /// How many worker processes at most.
    #[arg(long, default_value_t = instruments::cores())]
    pub workers: usize,
    /// Print the results as one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// Runs the `pool` subcommand if the first argument is `pool`; returns its exit status.
pub fn run_if_asked() -> Option<i32> {
    let mut args = std::env::args_os().skip(1);
    if args.next()? != "pool" {
        return None;
    }
    // Named as the learner types it, so the usage reads `lesson-09 pool [OPTIONS]`.
    let name = std::ffi::OsString::from("lesson-09 pool");
    let flags = PoolArgs::parse_from(std::iter::once(name).chain(args));
    Some(run(&flags))
}

/// Runs the pool and prints what became of every job. Always 0: a dead worker is a job's
/// error, not the pool's.
pub fn run(args: &PoolArgs) -> i32 {
    let terms = work::calibrate(Duration::from_millis(args.job_ms));
    let jobs = cpu_jobs(args.jobs, terms);
    let workers = args.workers.max(1);
    eprintln!(
        "{} jobs of about {} ms on {workers} worker processes; try `kill -9 <pid>` on one",
        args.jobs, args.job_ms
    );
    // Progress goes to stderr as it happens (stdout is for the results, or the JSON).
    let pool = Pool::new(this_binary_as_worker(), workers)
        .limit(JOB_LIMIT)
        .watch(|event| match event {
            Event::Started { pid } => eprintln!("worker {pid} started"),
            Event::Sent { job, pid } => eprintln!("job {job} -> worker {pid}"),
            Event::Answered { .. } => {}
            Event::Failed { job, error } => eprintln!("job {job} failed: {error}"),
        });
    let results: Vec<Result<Answer, JobError>> = pool.map(&jobs);
    let failed = results.iter().filter(|r| r.is_err()).count();
    if args.json {
        let jobs: Vec<Value> = results.iter().enumerate().map(job_json).collect();
        let report = json!({
            "jobs": jobs,
            "answered": results.len() - failed,
            "failed": failed,
        });
        println!("{report}");
    } else {
        for result in &results {
            match result {
                Ok(a) => println!(
                    "job {:>3}: {} (worker {}, {} ms)",
                    a.job,
                    a.value,
                    a.pid,
                    a.ended_us.saturating_sub(a.started_us) / 1000
                ),
                Err(e) => println!("job {:>3}: error: {}", e.job, e.cause),
            }
        }
        let answered = results.len() - failed;
        println!(
            "{answered} of {} jobs answered, {failed} failed.",
            results.len()
        );
    }
    0
}

fn job_json((job, result): (usize, &Result<Answer, JobError>)) -> Value {
    match result {
        Ok(a) => json!({ "job": job, "value": a.value, "pid": a.pid }),
        Err(error) => json!({ "job": job, "error": error.to_string(), "pid": error.cause.pid() }),
    }
}
