// WRONG [batches]: rayon for everything, waits included: one thread a core, so the waits take turns. => "rayon has one thread a core"
// The reference answer (src/solutions/choose.rs) with the mistake written in:
// REPLACE
    } else {
        Model::Threads // a few waits: a thread each is simple and as fast
    }
// WITH
    } else {
        Model::Rayon // Deliberately wrong: the parallel library for the waits too
    }
// END
