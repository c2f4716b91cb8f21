// WRONG [batches]: one loop takes `workers` jobs from the queue, runs them together with `join_all`, and takes the next batch only when the whole batch is done, so a worker that finishes early waits for the slowest job. => "each the moment a worker was free"
// REPLACE
    let mut crew = JoinSet::new();
    for _ in 0..workers {
        let (queue, shutdown) = (queue.clone(), shutdown.clone());
        crew.spawn(async move {
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
                // The job in hand is not raced against the token: it runs to the end.
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
    let mut report = Report::default();
    'batches: loop {
        let mut batch = Vec::new();
        while batch.len() < workers {
            tokio::select! {
                biased;
                () = shutdown.cancelled() => break,
                job = queue.next() => match job {
                    Some(job) => batch.push(job),
                    None => break,
                },
            }
        }
        if batch.is_empty() {
            break 'batches;
        }
        futures::future::join_all(batch.iter().map(do_job)).await;
        report.done.extend(batch.iter().map(|job| job.id));
    }
// END
