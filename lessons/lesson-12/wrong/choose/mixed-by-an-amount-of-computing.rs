// WRONG [hardcoded]: "mixed" judged by a fixed amount of computing (10 ms, the example's), not by how it compares with the wait: 2 ms of computing after each 10 ms download stays on the runtime. => "each then 2 ms of computing, you chose tokio"
// The reference answer (src/solutions/choose.rs) with the mistake written in:
// REPLACE
    let mixed = workload.cpu_per_item * 10 >= workload.wait_per_item;
// WITH
    let mixed = workload.cpu_per_item >= std::time::Duration::from_millis(10);
// END
