// WRONG [cancellation]: the job itself is raced against `shutdown.cancelled()` in a `select!`, so the shutdown drops the job in hand half way and it is lost. => "so it is lost"
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
                // Deliberately wrong: the shutdown cuts the job off half way.
                tokio::select! {
                    () = shutdown.cancelled() => break,
                    () = do_job(&job) => done.push(job.id),
                }
// END
