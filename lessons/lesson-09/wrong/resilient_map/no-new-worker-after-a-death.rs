// WRONG [result]: a thread whose worker died stops taking jobs, so once every worker has died the jobs still waiting are lost. => "lost or out of place"
// The reference answer (src/solutions/resilient_map.rs) with the mistake written in:
// REPLACE
//! Exercise 9.2, the reference answer: a job whose worker dies is that job's error; the next
// WITH
//! Exercise 9.2: a wrong answer from the catalogue (its first line says what is wrong).
//! A job whose worker dies is that job's error; the next
// END
// REPLACE
                        finished.push((index, run(command, &mut worker, job, limit)));
// WITH
                        let result = run(command, &mut worker, job, limit);
                        let died = result.is_err();
                        finished.push((index, result));
                        // Deliberately wrong: this thread's worker is gone, and so is the thread.
                        if died {
                            break;
                        }
// END
// REPLACE
        .map(|result| result.expect("every job has its answer or its error"))
        .collect()
// WITH
        .flatten()
        .collect()
// END
