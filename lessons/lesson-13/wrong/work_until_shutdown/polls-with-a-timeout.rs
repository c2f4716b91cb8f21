// WRONG [busy-wait]: Python's `while not stop.is_set(): job = q.get(timeout=0.1)`: each worker checks the token, then waits for a job for at most 10 ms, and goes round again; an idle worker wakes a hundred times a second and hears the shutdown only at its next wake-up. => "wakes up over and over"
// REPLACE
use tokio::task::JoinSet;
// WITH
use std::time::Duration;

use tokio::task::JoinSet;
use tokio::time::timeout;
// END
// REPLACE
                let job = tokio::select! {
                    biased;
                    () = shutdown.cancelled() => break,
                    job = queue.next() => match job {
                        Some(job) => job,
                        None => break, // closed and empty: nothing more will come
                    },
                };
// WITH
                if shutdown.is_cancelled() {
                    break;
                }
                let job = match timeout(Duration::from_millis(10), queue.next()).await {
                    Ok(Some(job)) => job,
                    Ok(None) => break, // closed and empty: nothing more will come
                    Err(_elapsed) => continue, // no job yet: look at the token again
                };
// END
