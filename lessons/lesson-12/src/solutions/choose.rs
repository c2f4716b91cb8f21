//! Exercise 12.1, the reference answer: the questions in the order that constrains most.

use crate::{Model, Workload};

/// Exercise 12.1: which model should run this workload?
pub fn choose(workload: &Workload) -> Model {
    let computes_more = workload.cpu_per_item > workload.wait_per_item;
    // Mixed: an item computes for at least a tenth of what it waits.
    let mixed = workload.cpu_per_item * 10 >= workload.wait_per_item;
    if workload.may_crash {
        Model::Processes // a panic in a thread can be caught; an abort or a segfault cannot
    } else if computes_more {
        Model::Rayon // no GIL: threads share the cores
    } else if mixed {
        Model::TokioRayon // the waits on tasks, the computing on a CPU pool
    } else if workload.items >= 1_000 {
        Model::Tokio // very many waits: a task is a few hundred bytes, a thread a stack
    } else {
        Model::Threads // a few waits: a thread each is simple and as fast
    }
}
