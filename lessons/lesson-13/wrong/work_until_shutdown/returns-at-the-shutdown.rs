// WRONG [leak]: the workers are spawned and left to themselves; the function waits for the token, then reports what is done so far and drains the queue, while the jobs in hand still run (and are reported nowhere). => "ran on until"
// REPLACE
use tokio::task::JoinSet;
// WITH
use std::sync::{Arc, Mutex};
// END
// REPLACE
    let mut crew = JoinSet::new();
    for _ in 0..workers {
        let (queue, shutdown) = (queue.clone(), shutdown.clone());
        crew.spawn(async move {
            let mut done = Vec::new();
// WITH
    let finished = Arc::new(Mutex::new(Vec::new()));
    for _ in 0..workers {
        let (queue, shutdown) = (queue.clone(), shutdown.clone());
        let done = Arc::clone(&finished);
        tokio::spawn(async move {
// END
// REPLACE
                do_job(&job).await;
                done.push(job.id);
            }
            done
        });
    }
    let mut report = Report::default();
    while let Some(worker) = crew.join_next().await {
        report.done.extend(worker.expect("a worker panicked"));
    }
// WITH
                do_job(&job).await;
                done.lock().unwrap().push(job.id);
            }
        });
    }
    shutdown.cancelled().await;
    let mut report = Report {
        done: finished.lock().unwrap().clone(),
        ..Report::default()
    };
// END
