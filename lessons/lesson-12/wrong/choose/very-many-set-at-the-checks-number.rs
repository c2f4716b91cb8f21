// WRONG [hardcoded]: "very many waits" set at 100,000, the number in the example, so 20,000 waits of a second get 20,000 threads. => "20,000 waits of 1 s at once, you chose std threads"
// The reference answer (src/solutions/choose.rs) with the mistake written in:
// REPLACE
    } else if workload.items >= 1_000 {
// WITH
    } else if workload.items >= 100_000 {
// END
