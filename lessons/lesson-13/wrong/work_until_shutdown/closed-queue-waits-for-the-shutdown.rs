// WRONG [result]: a worker that finds the queue closed and empty waits for the shutdown before it stops, so the call returns only when the token is cancelled, long after the work is over. => "the queue was closed, and empty"
// The reference answer (src/solutions/work_until_shutdown.rs) with the mistake written in:
// REPLACE
//! Exercise 13.3, the reference answer: workers that stop on a cancellation token, finish the
//! job in hand, and report every job.
// WITH
//! Exercise 13.3: workers that stop on a cancellation token.
// END
// REPLACE
                        None => break, // closed and empty: nothing more will come
// WITH
                        None => {
                            // Nothing now: stay until the shutdown says to stop.
                            shutdown.cancelled().await;
                            break;
                        }
// END
