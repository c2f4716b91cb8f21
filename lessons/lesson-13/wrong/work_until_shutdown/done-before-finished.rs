// WRONG [result]: the job is noted done when it is taken, then raced against the token, so a job cut off by the shutdown is reported done. => "reported done before it was"
// The reference answer (src/solutions/work_until_shutdown.rs) with the mistake written in:
// REPLACE
//! Exercise 13.3, the reference answer: workers that stop on a cancellation token, finish the
//! job in hand, and report every job.
// WITH
//! Exercise 13.3: workers that stop on a cancellation token, finish the job in hand, and
//! report every job.
// END
// REPLACE
                // The job in hand is not raced against the token: it runs to the end.
                do_job(&job).await;
                done.push(job.id);
// WITH
                // Deliberately wrong: done before it is, and cut off by the shutdown.
                done.push(job.id);
                tokio::select! {
                    () = shutdown.cancelled() => break,
                    () = do_job(&job) => {}
                }
// END
