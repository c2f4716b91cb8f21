//! `lesson-09 pool`: a worker killed from outside with `kill -9` in the middle of a job is that
//! job's error; every other job is answered; the exit status is 0; no worker is left running.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// Whether a process still runs (Linux: `/proc/<pid>` exists and is not a zombie).
fn running(pid: u64) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        stat.rsplit(')')
            .next()
            .is_some_and(|rest| !rest.trim_start().starts_with('Z'))
    })
}

#[test]
fn a_worker_killed_with_kill_9_costs_only_its_job() {
    let mut pool = Command::new(env!("CARGO_BIN_EXE_lesson-09"))
        .args([
            "pool",
            "--jobs",
            "6",
            "--job-ms",
            "400",
            "--workers",
            "2",
            "--json",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("lesson-09 pool starts");
    let stderr = BufReader::new(pool.stderr.take().unwrap());
    let (mut workers, mut killed) = (Vec::new(), None);
    // The pool says on stderr which worker takes which job: kill job 2's worker as it starts.
    for line in stderr.lines().map_while(Result::ok) {
        if let Some(pid) = line
            .strip_prefix("worker ")
            .and_then(|l| l.strip_suffix(" started"))
        {
            workers.push(pid.parse::<u64>().unwrap());
        }
        if let Some(pid) = line.strip_prefix("job 2 -> worker ") {
            let status = Command::new("kill").args(["-9", pid]).status().unwrap();
            assert!(status.success(), "kill -9 {pid}");
            killed = Some(pid.parse::<u64>().unwrap());
        }
    }
    let output = pool.wait_with_output().expect("the pool ends");
    assert!(output.status.success(), "exit status 0: {output:?}");
    let report: Value = serde_json::from_slice(&output.stdout).expect("one JSON object");
    let killed = killed.expect("job 2 was sent to a worker");
    let jobs = report["jobs"].as_array().unwrap();
    assert_eq!(jobs.len(), 6, "{report}");
    let error = jobs[2]["error"].as_str().unwrap_or_default();
    assert!(
        error.contains(&format!("worker {killed} was killed (SIGKILL)")),
        "job 2's error: {report}"
    );
    for (job, entry) in jobs.iter().enumerate().filter(|(job, _)| *job != 2) {
        assert!(entry["value"].is_u64(), "job {job} was answered: {report}");
    }
    assert_eq!(
        (report["answered"].as_u64(), report["failed"].as_u64()),
        (Some(5), Some(1))
    );
    assert!(
        workers.len() >= 3,
        "a new worker in place of the killed one: {workers:?}"
    );
    // The pool exited; none of its workers runs on (a moment for the kernel to tidy up).
    let since = Instant::now();
    while workers.iter().any(|pid| running(*pid)) && since.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let left: Vec<&u64> = workers.iter().filter(|pid| running(**pid)).collect();
    assert!(left.is_empty(), "workers left running: {left:?}");
}
