//! Interleavings made visible: the steps of a failing loom execution, one column a thread.
//! (Being written for issue 7: lessons 03 and 06 use it.)
