// WRONG [hardcoded]: the channel has a capacity of 4, the answer's own number, whatever `capacity` is given. => "not a number of your own"
// The reference answer (src/solutions/stream_pages.rs) with the mistake written in:
// REPLACE
//! Exercise 11.1, the reference answer: a streaming pipeline, in order, with bounded memory.
// WITH
//! Exercise 11.1: a streaming pipeline, in order, with bounded memory.
// END
// REPLACE
    let (sender, mut inbox) = mpsc::channel::<(usize, Page)>(capacity);
// WITH
    // Deliberately wrong: four pages seemed a good size.
    let _ = capacity;
    let (sender, mut inbox) = mpsc::channel::<(usize, Page)>(4);
// END
