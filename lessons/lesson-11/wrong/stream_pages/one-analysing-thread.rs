// WRONG [sequential]: one blocking thread takes the pages out of the channel and analyses them itself, one at a time, so one core works while the others idle. => "the analyses ran one at a time"
// The reference answer (src/solutions/stream_pages.rs) with the mistake written in:
// REPLACE
//! Exercise 11.1, the reference answer: a streaming pipeline, in order, with bounded memory.
// WITH
//! Exercise 11.1: a streaming pipeline, in order, with bounded memory.
// END
// REPLACE
use rayon::iter::{ParallelBridge, ParallelIterator};
use tokio::sync::mpsc;
// WITH
use tokio::sync::mpsc;
// END
// REPLACE
        std::iter::from_fn(|| inbox.blocking_recv())
            .par_bridge()
            .map(|(index, page)| (index, analyser.analyse(page)))
            .collect::<Vec<(usize, Report)>>()
// WITH
        // Deliberately wrong: off the runtime, but on one thread only.
        let mut reports = Vec::new();
        while let Some((index, page)) = inbox.blocking_recv() {
            reports.push((index, analyser.analyse(page)));
        }
        reports
// END
