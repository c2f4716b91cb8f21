//! The child-process handling that [`crate::python`] and `crate::process` share, written once:
//! read a pipe on its own thread (a child that fills a pipe nobody reads blocks and looks like a
//! hang), wait for a child within a time limit, and kill and reap it (never a zombie).
//!
//! Always compiled (the lessons that run Python need it without the `process` feature); not
//! public: lessons use `python` or `process`.

use std::io::Read;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// Reads a pipe to its end on a thread of its own and hands back what it read (lossily as
/// UTF-8). The thread ends when the child closes the pipe, that is, when it exits.
pub(crate) fn drain(pipe: Option<impl Read + Send + 'static>) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// Waits for the child to exit, for at most `limit`: `Ok(None)` if it is still running then
/// (the caller decides whether to kill it). Polls every 2 ms: std has no wait with a timeout.
pub(crate) fn wait_within(
    child: &mut Child,
    limit: Duration,
) -> std::io::Result<Option<ExitStatus>> {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if started.elapsed() >= limit {
            return Ok(None);
        }
        thread::sleep(Duration::from_millis(2));
    }
}

/// Kills the child (with `group`, its whole process group: the child and any processes it
/// started) and waits for it, so it leaves no zombie. Returns its exit status if it could be
/// reaped.
pub(crate) fn kill_and_reap(child: &mut Child, group: bool) -> Option<ExitStatus> {
    #[cfg(unix)]
    if group {
        let group = format!("-{}", child.id());
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stderr(Stdio::null())
            .status();
    }
    #[cfg(not(unix))]
    let _ = group;
    // Killing a child that has already exited is an error we do not need; waiting is what
    // matters: it reaps the child, which a kill alone does not.
    let _ = child.kill();
    child.wait().ok()
}

/// Puts the command's child in a process group of its own (on Unix), so that
/// [`kill_and_reap`] with `group` reaches the processes it starts too.
pub(crate) fn own_group(command: &mut Command) {
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(command, 0);
    #[cfg(not(unix))]
    let _ = command;
}

/// Runs a command to its end with stdin closed, both outputs read, bounded in time: on
/// `limit` the child's whole process group is killed and reaped, and `Ok(None)` returned.
pub(crate) fn run_bounded(
    mut command: Command,
    limit: Duration,
) -> std::io::Result<Option<(ExitStatus, String, String)>> {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    own_group(&mut command);
    let mut child = command.spawn()?;
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let status = match wait_within(&mut child, limit) {
        Ok(Some(status)) => status,
        Ok(None) => {
            kill_and_reap(&mut child, true);
            return Ok(None);
        }
        Err(error) => {
            kill_and_reap(&mut child, true);
            return Err(error);
        }
    };
    let stdout = stdout.join().unwrap_or_default();
    let stderr = stderr.join().unwrap_or_default();
    Ok(Some((status, stdout, stderr)))
}
