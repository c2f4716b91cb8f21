// WRONG [lost-wakeup]: each worker checks `is_cancelled()` before it waits for a job, then waits with `queue.next().await` alone; a shutdown that comes while it waits is never seen. => "never saw the token"
// The reference answer (src/solutions/work_until_shutdown.rs) with the mistake written in:
// REPLACE
//! Exercise 13.3, the reference answer: workers that stop on a cancellation token, finish the
//! job in hand, and report every job.
// WITH
//! Exercise 13.3: workers that stop on a cancellation token, finish the job in hand, and
//! report every job.
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
                // Deliberately wrong: checked once, then a wait that does not hear the token.
                if shutdown.is_cancelled() {
                    break;
                }
                let Some(job) = queue.next().await else {
                    break;
                };
// END
