// WRONG [order]: the answers are gathered worker by worker, as each thread returns them, not put back in their jobs' places. => "in the order of the jobs"
// The reference answer (src/solutions/process_map.rs) with the mistake written in:
// REPLACE
//! Exercise 9.1, the reference answer: a pool of `workers` processes, each fed jobs one at a
// WITH
//! Exercise 9.1: a wrong answer from the catalogue (its first line says what is wrong).
//! A pool of `workers` processes, each fed jobs one at a
// END
// REPLACE
    let mut answers: Vec<Option<Answer>> = vec![None; jobs.len()];
    for (index, answer) in done.into_iter().flatten() {
        answers[index] = Some(answer);
    }
    answers
        .into_iter()
        .map(|answer| answer.expect("every job was answered"))
        .collect()
// WITH
    // Deliberately wrong: the first worker's answers, then the second's, ...
    done.into_iter()
        .flatten()
        .map(|(_, answer)| answer)
        .collect()
// END
