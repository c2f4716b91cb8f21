// WRONG [cancellation]: the workers never look at the token: they take jobs until the queue is empty, starting new ones after the shutdown (and wait for ever on an open queue). => "after the shutdown"
// The reference answer (src/solutions/work_until_shutdown.rs) with the mistake written in:
// REPLACE
//! Exercise 13.3, the reference answer: workers that stop on a cancellation token, finish the
//! job in hand, and report every job.
// WITH
//! Exercise 13.3: workers that stop on a cancellation token, finish the job in hand, and
//! report every job.
// END
// REPLACE
        let (queue, shutdown) = (queue.clone(), shutdown.clone());
// WITH
        let queue = queue.clone();
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
                // Deliberately wrong: the token is never consulted.
                let Some(job) = queue.next().await else {
                    break;
                };
// END
// REPLACE
    let mut report = Report::default();
// WITH
    let _ = shutdown;
    let mut report = Report::default();
// END
