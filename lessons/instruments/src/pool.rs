//! The worker pool the lessons share: a rayon pool whose threads start once, before any clock
//! runs, with names that show in timelines, panic messages and debuggers.

// ANCHOR: worker_pool
/// A pool of `workers` threads named `worker-0`, `worker-1`, ...: the threads start once,
/// here, and every job given to the pool afterwards runs on them. Starting a fresh thread per
/// job would pay the price of `thread::spawn` each time.
pub fn worker_pool(workers: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(workers)
        .thread_name(|index| format!("worker-{index}"))
        .build()
        .expect("the pool's threads start")
}
// ANCHOR_END: worker_pool

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pool_has_named_workers() {
        let pool = worker_pool(3);
        assert_eq!(pool.current_num_threads(), 3);
        let names = pool.broadcast(|_| std::thread::current().name().map(str::to_owned));
        let mut names: Vec<String> = names.into_iter().flatten().collect();
        names.sort();
        assert_eq!(names, ["worker-0", "worker-1", "worker-2"]);
    }
}
