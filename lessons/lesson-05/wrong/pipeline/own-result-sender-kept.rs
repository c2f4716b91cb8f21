// WRONG [deadlock]: the function keeps its own result sender, so the collector waits for it forever. => "still waiting on the result channel"
//! Exercise 5.1 `pipeline`: a wrong answer from the catalogue (its first line says what is wrong).

use std::thread;

use crossbeam::channel;
use instruments::Recorder;

use crate::{Done, Job, process};

/// Exercise 5.1: a generator thread sends the jobs into a bounded channel; `workers` threads,
/// each with its own clone of the receiver, do them with `process` (as "worker 1",
/// "worker 2", ...) and send the results into a second bounded channel; the calling thread
/// collects them. Returns every result exactly once, sorted by job id, and ends when the jobs
/// run out.
pub fn pipeline<J>(jobs: J, workers: usize, capacity: usize, recorder: &Recorder) -> Vec<Done>
where
    J: IntoIterator<Item = Job>,
    J::IntoIter: Send,
{
    let jobs = jobs.into_iter();
    let (job_sender, job_receiver) = channel::bounded::<Job>(capacity);
    let (result_sender, result_receiver) = channel::bounded::<Done>(capacity);
    let mut done: Vec<Done> = thread::scope(|scope| {
        // The generator owns the only job sender; when it has sent the last job it drops it,
        // and each worker's loop ends once the queue is empty. The `for` loop takes the next
        // job only once the last one is sent, so a full channel holds the generator back.
        scope.spawn(move || {
            for job in jobs {
                if job_sender.send(job).is_err() {
                    break; // every worker has gone
                }
            }
        });
        for worker in 1..=workers.max(1) {
            // crossbeam's receivers are multi-consumer: each worker gets a clone, no Mutex.
            let (jobs, results) = (job_receiver.clone(), result_sender.clone());
            scope.spawn(move || {
                let name = format!("worker {worker}");
                for job in jobs {
                    let done = process(&job, &name, recorder);
                    if results.send(done).is_err() {
                        break; // the collector has gone
                    }
                }
            });
        }
        // Ours are not needed: drop them, or the collector below would wait for this function's
        // own result sender forever.
        // Deliberately wrong: our own result sender stays alive, so the channel never closes.
        drop(job_receiver);
        let _keep = &result_sender;
        // The collector receives while the workers work: the result channel is bounded too, so
        // collecting only after joining them would leave them blocked on a full channel.
        result_receiver.iter().collect()
    });
    // The results came in the order the workers finished them; put them in the jobs' order.
    done.sort_by_key(|result| result.id);
    done
}
