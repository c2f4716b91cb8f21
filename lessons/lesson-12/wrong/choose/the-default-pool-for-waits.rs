// WRONG [batches]: the waits go to a pool of the default size, as `ThreadPoolExecutor()` is used in Python. => "the waits take turns"
// The reference answer (src/solutions/choose.rs) with the mistake written in:
// REPLACE
    } else {
        Model::Threads // a few waits: a thread each is simple and as fast
    }
// WITH
    } else {
        Model::ThreadPool // Deliberately wrong: the default pool, min(32, cores + 4) threads
    }
// END
