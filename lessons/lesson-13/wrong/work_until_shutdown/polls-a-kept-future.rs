// WRONG [busy-wait]: each worker keeps one `queue.next()` future and polls it with a 10 ms timeout, looking at the token between tries: no job is lost and `next()` is called once a job, but an idle worker wakes a hundred times a second and hears the shutdown only at its next wake-up. => "hears the shutdown late"
// REPLACE
use tokio::task::JoinSet;
// WITH
use std::time::Duration;

use tokio::task::JoinSet;
use tokio::time::timeout;
// END
// REPLACE
            let mut done = Vec::new();
            loop {
                // Wait for a job *or* the shutdown, whichever comes first: an idle worker must
                // hear the token while it waits. `biased` checks the token first, so a worker
                // takes no new job once the shutdown has come, even if one is ready.
                let job = tokio::select! {
                    biased;
                    () = shutdown.cancelled() => break,
                    job = queue.next() => match job {
                        Some(job) => job,
                        None => break, // closed and empty: nothing more will come
                    },
                };
// WITH
            let mut done = Vec::new();
            let mut next = Box::pin(queue.next());
            loop {
                if shutdown.is_cancelled() {
                    break;
                }
                // The same future each time: a timeout that passes loses no job.
                let job = match timeout(Duration::from_millis(10), &mut next).await {
                    Ok(Some(job)) => job,
                    Ok(None) => break, // closed and empty: nothing more will come
                    Err(_elapsed) => continue,
                };
                next = Box::pin(queue.next());
// END
