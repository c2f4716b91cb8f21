// WRONG [cancellation]: the `select!` is not `biased`: when the token is cancelled and a job is ready at the same moment, it picks a branch at random, so a worker may start a new job after the shutdown. => "after the shutdown"
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
// WITH
                // Deliberately wrong: no `biased;`, so the branches are tried in random order.
                let job = tokio::select! {
                    () = shutdown.cancelled() => break,
// END
