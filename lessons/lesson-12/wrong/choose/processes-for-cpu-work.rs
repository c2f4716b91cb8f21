// WRONG [result]: CPU-bound work goes to processes, as Python needs it to (to escape the GIL). => "through a pipe to a worker process"
// The reference answer (src/solutions/choose.rs) with the mistake written in:
// REPLACE
        Model::Rayon // no GIL: threads share the cores
// WITH
        Model::Processes // Deliberately wrong: as in Python, processes for CPU work
// END
