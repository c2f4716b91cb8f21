// WRONG [hardcoded]: four workers, the number the learner tried it with, whatever `workers` says. => "jobs ran at once"
// REPLACE
    for _ in 0..workers {
// WITH
    for _ in 0..4 {
// END
