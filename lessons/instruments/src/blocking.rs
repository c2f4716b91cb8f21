//! Blocking detection for async checks: did a task block its runtime thread?
//! (Being written for issue 7: lessons 01 and 08 use it.)
