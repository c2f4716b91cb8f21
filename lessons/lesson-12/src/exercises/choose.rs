//! Exercise 12.1: the decision as code.

#[allow(unused_imports)] // you will need them
use crate::{Model, Workload};

/// Exercise 12.1: which model should run this workload? Read what one item costs
/// (`cpu_per_item`, `wait_per_item`), how many items there are, and whether a crash must be
/// contained (`may_crash`), and pick one of `Model::ALL`.
///
/// Hint: the tutorials' tree, translated with Rust's reasons. A crash to contain: the only
/// boundary that contains one. CPU-bound: no GIL here, so the cores can share it. I/O-bound:
/// how many waits at once? Mixed: what does each half want?
pub fn choose(workload: &Workload) -> Model {
    // TODO: one branch per question of the tree, the most constraining question first.
    let _ = workload;
    todo!(
        "exercise 12.1 `choose` (lessons/lesson-12/src/exercises/choose.rs): pick the model \
         for this workload"
    )
}
